extension POSIXFile {
    /// The line starting at byte `start` (with its `\n`), if one ends before byte `end`; read in windows
    /// that grow until the line's end is found.
    func line(startingAt start: Int, before end: Int) throws(EventStoreError) -> [UInt8]? {
        var window = 4096
        while true {
            let count = min(window, end - start)
            guard count > 0 else { return nil }
            let bytes = try read(count: count, at: start)
            if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) { return Array(bytes[...newline]) }
            if count < window { return nil }
            window *= 16
        }
    }
}
