package io.kava.apiserver.kinds.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

    @ParameterizedTest
    @ValueSource(strings = {"* * * * *", "*/15 0-6 1,15 * MON-FRI", "0 12 * jan-mar sun", "5 4 * * ?", "@hourly",
            "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually", "@every 1h30m", "0 0 1-31/2 * *",
            "CRON_TZ=Europe/Paris 0 8 * * *"})
    void accepts(String schedule) {
        assertThat(CronSchedule.check(schedule)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "* * * *|expected exactly 5 fields, found 4: [* * * *]",
            "* * * * * *|expected exactly 5 fields, found 6: [* * * * * *]",
            "60 * * * *|end of range (60) above maximum (59): 60",
            "* 5-2 * * *|beginning of range (5) beyond end of range (2): 5-2",
            "* * 0 * *|beginning of range (0) below minimum (1): 0",
            "*/0 * * * *|step of range should be a positive number: */0",
            "x * * * *|failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
            "1-2-3 * * * *|too many hyphens: 1-2-3",
            "@fortnightly|unrecognized descriptor: @fortnightly",
            "* * * foo *|failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax"})
    void rejectsWithTheParsersMessage(String schedule, String message) {
        assertThat(CronSchedule.check(schedule)).isEqualTo(message);
    }
}
