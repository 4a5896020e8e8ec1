/// Opens the store `--store` or `HOTEL_STORE` names: a PostgreSQL URL (`postgresql://...` or
/// `postgres://...`) or a JSON-lines file's path.
public enum StoreOpener {
    /// Settings a store may take from the environment.
    public struct Settings: Sendable {
        public var clock: WallClock
        /// Seconds a file store's writer waits for the lock.
        public var lockTimeout: Double
        /// Bytes of log past the cache above which it is rewritten.
        public var cacheThreshold: Int
        /// Seconds to keep trying to reach a database server.
        public var connectTimeout: Double
        /// Where a database store keeps its local read-model cache.
        public var cacheDirectory: String
        /// Where the progress of long work is shown, if anywhere.
        public var progress: (any ProgressDisplay)?

        public init(
            clock: WallClock, lockTimeout: Double, cacheThreshold: Int, connectTimeout: Double, cacheDirectory: String,
            progress: (any ProgressDisplay)? = nil
        ) {
            self.progress = progress
            self.clock = clock
            self.lockTimeout = lockTimeout
            self.cacheThreshold = cacheThreshold
            self.connectTimeout = connectTimeout
            self.cacheDirectory = cacheDirectory
        }
    }

    /// Whether this build has the PostgreSQL store.
    public static var hasPostgreSQL: Bool {
        #if PostgreSQL
        return true
        #else
        return false
        #endif
    }

    /// The store at `address`. Nothing is connected or opened until it is used.
    ///
    /// - Throws: ``EventStoreError/notBuiltIn(store:howToBuild:)`` for a PostgreSQL URL in a build without it.
    public static func open(_ address: String, settings: Settings) throws(EventStoreError) -> any HotelStore {
        if let location = PostgresLocation(address) {
            #if PostgreSQL
            return PostgresEventStore(
                location: location, clock: settings.clock, wait: settings.connectTimeout, lockTimeout: settings.lockTimeout,
                cacheDirectory: settings.cacheDirectory, cacheThreshold: settings.cacheThreshold, progress: settings.progress)
            #else
            throw .notBuiltIn(store: location.description, howToBuild: "build one with 'swift build -c release --traits PostgreSQL' (needs libpq-dev), see the README's 'Running on PostgreSQL'")
            #endif
        }
        return JSONLinesEventStore(
            path: address, clock: settings.clock, lockTimeout: settings.lockTimeout, cacheThreshold: settings.cacheThreshold, progress: settings.progress)
    }
}
