/// An option without a value, read as whether it was given.
struct Flag: OptionGroup {
    let spec: OptionSpec

    init(_ name: String, _ help: String) { spec = OptionSpec(name: name, valueName: nil, help: help) }

    var options: [OptionSpec] { [spec] }

    func value(in arguments: ParsedArguments) -> Bool { arguments.isGiven(spec) }

    /// `--json`: one JSON document instead of lines.
    static let json = Flag("--json", "Print one JSON document instead of lines.")
}
