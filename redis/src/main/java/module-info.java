/**
 * express4j-redis: the session and rate-limit stores of an app that runs as several instances, kept in Redis (on
 * Lettuce) in the layouts of connect-redis and rate-limit-redis, so Express apps can share them.
 */
module io.express4j.redis {
    exports io.express4j.redis;

    requires transitive io.express4j; // the stores implement io.express4j.spi interfaces
    requires lettuce.core;
}
