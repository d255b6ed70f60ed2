package org.pledgeworks.kit.deadletters;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.KafkaException;

/**
 * {@code ./pledgeworks dlt list|show|replay <topic> ...} against the local broker: the Kafka clients
 * and this package only, so the script runs it with the launcher's class path and no service up.
 * The broker is {@code KAFKA_BOOTSTRAP_SERVERS}, or the launcher's {@code 127.0.0.1:PLEDGEWORKS_KAFKA_PORT}.
 */
public final class DeadLetterCommand {

    static final String USAGE = """
            Usage: ./pledgeworks dlt <command> <topic> [...]   (topic: campaigns or campaigns.dlt)
              list <topic>                       every record: place (partition:offset), time, key, type,
                                                 where it came from, the group that gave up, the reason
              show <topic> <partition:offset>    one record: all headers and the value
              replay <topic> <partition:offset>...   send these records back to their source topic
              replay <topic> --all               every record not replayed before
            A replayed record is remembered (<topic>.dlt.replayed): replaying it again sends nothing.""";

    private DeadLetterCommand() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String servers = Optional.ofNullable(env.get("KAFKA_BOOTSTRAP_SERVERS")).filter(s -> !s.isBlank())
                .orElse("127.0.0.1:" + env.getOrDefault("PLEDGEWORKS_KAFKA_PORT", "9092"));
        DeadLetters deadLetters = new DeadLetters(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers,
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000), Clock.systemUTC());
        System.exit(run(args, deadLetters, System.out, System.err));
    }

    /** @return the exit status: 0 done, 1 nothing there, 2 a wrong command line */
    static int run(String[] args, DeadLetters deadLetters, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            err.println(USAGE);
            return 2;
        }
        String topic = args[1].endsWith(".dlt") ? args[1] : args[1] + ".dlt";
        List<String> rest = Arrays.asList(args).subList(2, args.length);
        try {
            switch (args[0]) {
                case "list" -> {
                    List<DeadLetters.DeadLetter> letters = deadLetters.list(topic, Integer.MAX_VALUE);
                    out.printf("%-10s %-24s %-36s %-28s %-22s %-20s %-8s %s%n", "PLACE", "TIME", "KEY", "TYPE",
                            "FROM", "GROUP", "REPLAYED", "REASON");
                    for (DeadLetters.DeadLetter d : letters) {
                        out.printf("%-10s %-24s %-36s %-28s %-22s %-20s %-8s %s%n", d.place(), d.time(), d.key(),
                                d.eventType(), d.originalTopic() + "-" + d.originalPartition() + "@" + d.originalOffset(),
                                d.group(), d.replayed() ? "yes" : "no", d.reason());
                    }
                    DeadLetters.Count count = deadLetters.count(topic);
                    out.printf("%d records in %s, %d not replayed%n", count.total(), topic, count.pending());
                    return 0;
                }
                case "show" -> {
                    if (rest.size() != 1) {
                        err.println(USAGE);
                        return 2;
                    }
                    Optional<DeadLetters.Shown> shown = deadLetters.show(topic, DeadLetters.Place.parse(rest.get(0)));
                    if (shown.isEmpty()) {
                        err.println("no record at " + rest.get(0) + " in " + topic);
                        return 1;
                    }
                    out.println(topic + " " + rest.get(0) + (shown.get().deadLetter().replayed() ? " (replayed)" : ""));
                    shown.get().headers().forEach((name, value) -> out.println(name + ": " + value));
                    out.println();
                    out.println(shown.get().value());
                    return 0;
                }
                case "replay" -> {
                    if (rest.isEmpty()) {
                        err.println(USAGE);
                        return 2;
                    }
                    DeadLetters.Replay replay = rest.equals(List.of("--all")) ? deadLetters.replayAll(topic)
                            : deadLetters.replay(topic, rest.stream().map(DeadLetters.Place::parse).toList());
                    out.println("replayed: " + replay.replayed());
                    out.println("replayed before, not sent again: " + replay.alreadyReplayed());
                    if (!replay.notFound().isEmpty()) {
                        out.println("not in " + topic + ": " + replay.notFound());
                        return 1;
                    }
                    return 0;
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        catch (DeadLetters.UnknownTopicException e) {
            err.println(e.getMessage());
            return 1;
        }
        catch (KafkaException | IllegalStateException e) {
            err.println("the broker did not answer (is ./pledgeworks up running?): " + e.getMessage());
            return 1;
        }
    }
}
