package io.kava.apiserver.table;

import static io.kava.apiserver.table.Fixtures.cells;
import static io.kava.apiserver.table.Fixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobPrintersTest {

    private final JobPrinter jobs = new JobPrinter();
    private final CronJobPrinter cronJobs = new CronJobPrinter();

    @Test
    void jobColumns() {
        assertThat(headers(jobs)).containsExactly("Name", "Status", "Completions", "Duration", "Age",
                "Containers|1", "Images|1", "Selector|1");
    }

    @Test
    void completedJob() {
        assertThat(cells(jobs, """
                {"apiVersion": "batch/v1", "kind": "Job",
                 "metadata": {"name": "pi", "creationTimestamp": "2025-06-01T11:00:00Z"},
                 "spec": {"completions": 1, "parallelism": 1,
                          "selector": {"matchLabels": {"batch.kubernetes.io/controller-uid": "0f3c"}},
                          "template": {"spec": {"containers": [{"name": "pi", "image": "perl:5.34"}]}}},
                 "status": {"startTime": "2025-06-01T11:00:01Z", "completionTime": "2025-06-01T11:00:38Z",
                            "succeeded": 1, "conditions": [{"type": "SuccessCriteriaMet", "status": "True"},
                                                           {"type": "Complete", "status": "True"}]}}"""))
                .containsExactly("pi", "Complete", "1/1", "37s", "60m", "pi", "perl:5.34",
                        "batch.kubernetes.io/controller-uid=0f3c");
    }

    @Test
    void runningWorkQueueJob() {
        assertThat(cells(jobs, """
                {"metadata": {"name": "queue", "creationTimestamp": "2025-06-01T11:50:00Z"},
                 "spec": {"parallelism": 4, "template": {"spec": {"containers": []}}},
                 "status": {"startTime": "2025-06-01T11:50:00Z", "active": 4, "succeeded": 2}}""").subList(1, 4))
                .containsExactly("Running", "2/1 of 4", "10m");
    }

    @Test
    void jobStatuses() {
        assertThat(status("""
                "status": {"conditions": [{"type": "Failed", "status": "True", "reason": "BackoffLimitExceeded"}]}"""))
                .isEqualTo("Failed");
        assertThat(status("""
                "status": {"conditions": [{"type": "Suspended", "status": "True"}]}""")).isEqualTo("Suspended");
        assertThat(status("""
                "status": {"conditions": [{"type": "FailureTarget", "status": "True"}]}"""))
                .isEqualTo("FailureTarget");
        assertThat(status("""
                "status": {"conditions": [{"type": "Complete", "status": "False"}]}""")).isEqualTo("Running");
        assertThat(cells(jobs, """
                {"metadata": {"name": "j", "deletionTimestamp": "2025-06-01T11:59:00Z"},
                 "status": {"conditions": [{"type": "Suspended", "status": "True"}]}}""").get(1))
                .isEqualTo("Terminating");
    }

    @Test
    void jobDefaultsAndUnstarted() {
        assertThat(cells(jobs, """
                {"metadata": {"name": "j"}, "spec": {}}"""))
                .containsExactly("j", "Running", "0/1", "", "<unknown>", "", "", "<none>");
    }

    @Test
    void cronJob() {
        assertThat(headers(cronJobs)).containsExactly("Name", "Schedule", "Timezone", "Suspend", "Active",
                "Last Schedule", "Age", "Containers|1", "Images|1", "Selector|1");
        assertThat(cells(cronJobs, """
                {"apiVersion": "batch/v1", "kind": "CronJob",
                 "metadata": {"name": "backup", "creationTimestamp": "2025-05-25T12:00:00Z"},
                 "spec": {"schedule": "*/15 * * * *", "timeZone": "Europe/Paris", "suspend": false,
                          "jobTemplate": {"spec": {"template": {"spec": {
                            "containers": [{"name": "backup", "image": "restic:0.17"}]}}}}},
                 "status": {"active": [{"kind": "Job", "name": "backup-29143800"}],
                            "lastScheduleTime": "2025-06-01T11:45:00Z"}}"""))
                .containsExactly("backup", "*/15 * * * *", "Europe/Paris", "False", 1L, "15m", "7d", "backup",
                        "restic:0.17", "<none>");
    }

    @Test
    void neverScheduledSuspendedCronJob() {
        assertThat(cells(cronJobs, """
                {"metadata": {"name": "c"}, "spec": {"schedule": "@daily", "suspend": true}}""").subList(1, 6))
                .containsExactly("@daily", "<none>", "True", 0L, "<none>");
        assertThat(cells(cronJobs, """
                {"metadata": {"name": "c"}, "spec": {"schedule": "@daily"}}""").get(3)).isEqualTo("False");
    }

    private String status(String status) {
        return (String) cells(jobs, "{\"metadata\": {\"name\": \"j\"}, " + status + "}").get(1);
    }
}
