package io.strata.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static io.strata.protocol.TestClientTypeSignature.json;
import static org.assertj.core.api.Assertions.assertThat;

class TestServerInfo
{
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module());

    @Test
    void writesTheShapeDriversAndGatewaysRead()
            throws JsonProcessingException
    {
        ServerInfo info = new ServerInfo(new ServerInfo.NodeVersion("0.1-SNAPSHOT"), "test", true, false, Optional.of("1.00m"), Optional.of("c1"));
        String json = MAPPER.writeValueAsString(info);
        assertThat(json).isEqualTo(json("{'nodeVersion':{'version':'0.1-SNAPSHOT'},'environment':'test','coordinator':true,'starting':false,'uptime':'1.00m','coordinatorId':'c1'}"));
        assertThat(MAPPER.readValue(json, ServerInfo.class)).isEqualTo(info);
    }

    @Test
    void unknownUptimeIsWrittenAsNull()
            throws JsonProcessingException
    {
        ServerInfo info = new ServerInfo(new ServerInfo.NodeVersion("1"), "test", false, true, Optional.empty(), Optional.empty());
        assertThat(MAPPER.writeValueAsString(info)).isEqualTo(json("{'nodeVersion':{'version':'1'},'environment':'test','coordinator':false,'starting':true,'uptime':null}"));
        assertThat(MAPPER.readValue(json("{'nodeVersion':{'version':'1'},'environment':'test','starting':true}"), ServerInfo.class)).isEqualTo(info);
    }

    @Test
    void nodeIdAndStateFollowTheOtherProperties()
            throws JsonProcessingException
    {
        ServerInfo info = new ServerInfo(new ServerInfo.NodeVersion("1"), "test", false, false, Optional.of("2.00s"), Optional.empty(), Optional.of("worker-1"), Optional.of("ACTIVE"));
        String json = MAPPER.writeValueAsString(info);
        assertThat(json).isEqualTo(json("{'nodeVersion':{'version':'1'},'environment':'test','coordinator':false,'starting':false,'uptime':'2.00s','nodeId':'worker-1','state':'ACTIVE'}"));
        assertThat(MAPPER.readValue(json, ServerInfo.class)).isEqualTo(info);
    }

    @Test
    void formatsDurationsLikeAirlift()
    {
        assertThat(ServerInfo.formatDuration(Duration.ZERO)).isEqualTo("0.00ns");
        assertThat(ServerInfo.formatDuration(Duration.ofNanos(1500))).isEqualTo("1.50us");
        assertThat(ServerInfo.formatDuration(Duration.ofMillis(500))).isEqualTo("500.00ms");
        assertThat(ServerInfo.formatDuration(Duration.ofMillis(12_500))).isEqualTo("12.50s");
        assertThat(ServerInfo.formatDuration(Duration.ofMinutes(1))).isEqualTo("1.00m");
        assertThat(ServerInfo.formatDuration(Duration.ofMinutes(90))).isEqualTo("1.50h");
        assertThat(ServerInfo.formatDuration(Duration.ofDays(3).plusHours(6))).isEqualTo("3.25d");
    }
}
