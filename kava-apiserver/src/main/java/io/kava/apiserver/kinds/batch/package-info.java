/**
 * batch/v1 Jobs and CronJobs (Kubernetes' {@code pkg/apis/batch/v1/defaults.go}, {@code pkg/apis/batch/validation}
 * and {@code pkg/registry/batch}), with the cron schedule parser Kubernetes validates schedules with.
 */
package io.kava.apiserver.kinds.batch;
