/// Several option groups declared as one (for a command builder that takes one group, such as
/// ``Subcommand/onBooking(_:abstract:argumentName:argument:options:discussion:_:)``): read as the tuple of
/// their values, in order.
struct OptionList<each Group: OptionGroup>: OptionGroup {
    let groups: (repeat each Group)

    init(_ groups: repeat each Group) { self.groups = (repeat each groups) }

    var options: [OptionSpec] {
        var all: [OptionSpec] = []
        for group in repeat each groups { all += group.options }
        return all
    }

    func value(in arguments: ParsedArguments) -> (repeat (each Group).Value) {
        (repeat (each groups).value(in: arguments))
    }
}
