package org.pledgeworks.embeddedmongo;

import de.bwaldvogel.mongo.MongoServer;

/** Binds a test's server to a free loopback port and says where the driver finds it. */
final class LoopbackUri {

    private LoopbackUri() {
    }

    static String of(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }
}
