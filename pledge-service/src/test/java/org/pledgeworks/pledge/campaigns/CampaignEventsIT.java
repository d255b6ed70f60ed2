package org.pledgeworks.pledge.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.CampaignFixture;
import org.pledgeworks.pledge.support.ServiceIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class CampaignEventsIT extends ServiceIT {

    @LocalServerPort
    int port;

    @Autowired
    CampaignCopies copies;

    @Test
    void theContractExampleBecomesAnOpenCampaignCopy() {
        String example = EventContract.exampleNow("campaigns/campaign-published.v1");
        CampaignFixture.send("campaigns", "c-demo-forced-labour", "campaign-published.v1", example);

        new Api(port).awaitCampaign("no-forced-labour");
        assertThat(copies.bySlug("no-forced-labour")).hasValueSatisfying(c -> {
            assertThat(c.open()).isTrue();
            assertThat(c.pledgeTextVersion()).isEqualTo(1);
        });
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextRecordStillFlows() {
        String poisonKey = "poison-" + UUID.randomUUID();
        CampaignFixture.send("campaigns", poisonKey, "campaign-published.v1", "{not json");
        CampaignFixture.TestCampaign next = CampaignFixture.publishOpenCampaign();

        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecord("campaigns.dlt",
                r -> poisonKey.equals(r.key()), Duration.ofSeconds(20));
        assertThat(dead.value()).isEqualTo("{not json");
        new Api(port).awaitCampaign(next.slug());
    }
}
