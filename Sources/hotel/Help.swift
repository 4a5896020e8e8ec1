/// The help texts, in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS.
enum Help {
    static let version = "0.1.0"

    /// What the tool is, in a line (the overview, the man page's NAME).
    static let summary = "Book hotel rooms from the shell. The only database is an append-only JSON-lines event log."

    /// The exit statuses, for `--help` and the man page.
    static let exitStatuses: [(code: Int, meaning: String)] = [
        (0, "success"),
        (1, "rejected by a business rule (room not free, unknown room or booking, already cancelled, hold expired, not the right day or status for the command)"),
        (64, "usage error (bad or missing arguments, invalid dates or names, days outside 0001-01-01..9999-12-31)"),
        (65, "the store is corrupt or of an unknown format"),
        (66, "no store at the path (or no folder for one): only rooms add, import and a batch's rooms add lines create a store"),
        (74, "an I/O error, or something other than a plain file where the log or a file beside it should be"),
        (75, "a temporary failure (lock timeout, conflicts after all retries, a database server that cannot be reached): try again"),
        (77, "the database server refused the credentials"),
    ]

    /// The environment variables `hotel` reads, for `--help` and the man page.
    static let environment: [(name: String, meaning: String)] = [
        ("HOTEL_STORE", "The event log, when --store is not given: a file's path, or a postgresql:// URL (in a build with PostgreSQL)."),
        ("HOTEL_NOW", "Pretend the time is this ISO 8601 UTC instant, such as 2024-05-01T12:00:00Z (for rehearsals and tests): holds expire, \"today\" is taken and events are recorded by it."),
        ("TZ", "The time zone that decides what day \"today\" is."),
        ("HOTEL_LOCK_TIMEOUT", "Seconds a write waits for another writer's lock (default 10)."),
        ("HOTEL_CACHE_THRESHOLD", "Bytes of log past the read-model cache that make a command rewrite it (default 262144; 0: after every change)."),
        ("HOTEL_CONNECT_TIMEOUT", "Seconds to keep trying to reach a database server (default 10)."),
        ("HOTEL_CACHE_DIR", "Where a database store's local read-model cache is kept (default $XDG_CACHE_HOME/hotel, else ~/.cache/hotel)."),
        ("COLUMNS", "The width hotel calendar fits (default: the terminal's, else 80)."),
        ("NO_COLOR", "When set (to anything but the empty string), hotel calendar does not colour."),
    ]

    /// The global options.
    static let globalOptions: [OptionSpec] = [.store, Flag("--version", "Show the version.").spec, .help]

    /// `hotel --help`.
    static func overview(commands: [Subcommand]) -> String {
        var text = wrap("OVERVIEW: " + summary, indent: "", width: 88) + "\n\nUSAGE: hotel [--store <path|url>] <subcommand> [<options>]\n\nOPTIONS:\n"
        text += options(globalOptions)
        text += "\nSUBCOMMANDS:\n"
        for command in commands where !command.spec.name.hasPrefix("__") {
            text += row(command.spec.name, command.spec.abstract)
        }
        text += row("help", "Show help for a subcommand.")
        text += "\n  See 'hotel help <subcommand>' for detailed help.\n\nEXIT STATUS:\n"
        for (code, meaning) in exitStatuses {
            text += hanging("  " + String(code).padding(to: 4), meaning, column: 6)
        }
        text += "\nENVIRONMENT:\n"
        for (name, meaning) in environment {
            text += hanging("  " + name.padding(to: 20), meaning, column: 22)
        }
        return text + "\n"
    }

    /// `label` then `text` wrapped at 90 columns, continued under `column`; on its own line if `label` is longer.
    private static func hanging(_ label: String, _ text: String, column: Int) -> String {
        let indent = String(repeating: " ", count: column)
        let body = wrap(text, indent: indent, width: 90)
        if label.count > column { return label + "\n" + body + "\n" }
        return label + body.dropFirst(column) + "\n"
    }

    /// `hotel <command> --help`.
    static func command(_ spec: CommandSpec) -> String {
        var usage = "hotel \(spec.name)"
        for option in spec.options where option.name != "--help" {
            let word = option.takesValue ? "\(option.name) <\(option.valueName!)>" : option.name
            usage += option.isRequired ? " \(word)" : " [\(word)]" + (option.isRepeatable ? " ..." : "")
        }
        for argument in spec.arguments {
            usage += spec.positionalCount.upperBound > 1 ? " <\(argument.name)> ..." : " <\(argument.name)>"
        }
        var text = "OVERVIEW: \(spec.abstract)\n"
        if let discussion = spec.discussion { text += "\n" + wrap(discussion, indent: "") + "\n" }
        text += "\nUSAGE: \(usage)\n"
        if !spec.arguments.isEmpty {
            text += "\nARGUMENTS:\n"
            for argument in spec.arguments { text += row("<\(argument.name)>", argument.help) }
        }
        text += "\nOPTIONS:\n" + options(spec.options)
        return text
    }

    private static func options(_ options: [OptionSpec]) -> String {
        options.map { option in
            let name = option.name == "--help" ? "-h, --help" : option.name
            return row(option.takesValue ? "\(name) <\(option.valueName!)>" : name, option.help)
        }.joined()
    }

    private static func row(_ left: String, _ right: String) -> String {
        let column = 24
        let label = "  " + left
        if label.count < column - 1 {
            return label + String(repeating: " ", count: column - label.count) + right + "\n"
        }
        return label + "\n" + String(repeating: " ", count: column) + right + "\n"
    }

    private static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
        var lines: [String] = []
        var current = indent
        for word in text.split(separator: " ") {
            if current.count + word.count + 1 > width, current != indent {
                lines.append(current)
                current = indent
            }
            current += (current == indent ? "" : " ") + word
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
