import BookingCore
@testable import hotel

/// Parses `words` for a command `t` that declares `group`, as the command line does, and reads the group.
func read<Group: OptionGroup>(_ group: Group, _ words: [String], today: String = "2024-05-01") throws(CommandLineError) -> Group.Value {
    let spec = CommandSpec(name: "t", abstract: "A test command.").declaring(group.options)
    var parsed = try ArgumentParser.parse(words[...], for: spec)
    parsed.today = try! Day(today)
    return group.value(in: parsed)
}

/// The message of the error `body` throws, or nil if it throws none.
func message<T>(_ body: () throws(CommandLineError) -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.message
    }
}
