/// No options: for a command built by a helper that takes an ``OptionGroup`` (such as
/// ``Subcommand/onBooking(_:abstract:argumentName:argument:options:discussion:_:)``) and needs none.
struct NoOptions: OptionGroup {
    var options: [OptionSpec] { [] }

    func value(in arguments: ParsedArguments) {}
}
