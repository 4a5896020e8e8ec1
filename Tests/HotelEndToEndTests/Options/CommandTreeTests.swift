@testable import hotel
import Testing

/// The words `hotel` takes: a tree of commands (`rooms add`, `rooms list`), whose specs say what each
/// accepts and whether a batch runs it.
struct CommandTreeTests {
    /// The command `words` name, and the words left for its options.
    func find(_ words: [String]) throws(CommandLineError) -> (name: String, rest: [String]) {
        var rest = words[...]
        let command = try CommandNode.find(&rest, in: HotelCommandLine.commands)
        return (command.spec.name, Array(rest))
    }

    @Test(arguments: HotelCommandLine.subcommands.map(\.spec.name))
    func everyCommandIsFoundByTheWordsOfItsName(_ name: String) throws {
        #expect(try find(name.split(separator: " ").map(String.init) + ["--json"]) == (name, ["--json"]))
    }

    /// The tree names each command by a word of its own (so that a run makes only the command it runs):
    /// the word must be the command's name, or for a group's children the name's last word.
    @Test func eachNodesWordIsItsCommandsName() {
        for node in HotelCommandLine.commands {
            switch node {
            case .command(let word, let make): #expect(make().spec.name == word)
            case .group(let word, let children, let unnamed):
                #expect(unnamed().spec.name == word)
                for child in children { #expect([word, "\(word) \(child.word)"].contains(child.make().spec.name), "\(child.word)") }
            }
        }
    }

    @Test func roomsIsAGroupWhoseListRunsWhenNoneIsNamed() throws {
        #expect(try find(["rooms"]) == ("rooms", []))
        #expect(try find(["rooms", "list", "--type", "suite"]) == ("rooms", ["--type", "suite"]))
        #expect(try find(["rooms", "--type", "suite"]) == ("rooms", ["--type", "suite"]))
        #expect(try find(["rooms", "add", "Blue"]) == ("rooms add", ["Blue"]))
        #expect(message { () throws(CommandLineError) in try find(["rooms", "ad", "Blue"]) } == "unknown subcommand 'rooms ad' (did you mean 'add'?); see 'hotel rooms --help'")
        #expect(message { () throws(CommandLineError) in try find(["bok"]) } == "unknown subcommand 'bok' (did you mean 'book'?); see 'hotel --help'")
        // A group and its child are two words: one word with a space in it names nothing (it used to find
        // `rooms add` by its spec's name).
        #expect(message { () throws(CommandLineError) in try find(["rooms add", "Blue"]) } == "unknown subcommand 'rooms add'; see 'hotel --help'")
        // `help` is a word of the command line, not of the tree: it is suggested, never found.
        #expect(message { () throws(CommandLineError) in try find(["hlep"]) } == "unknown subcommand 'hlep' (did you mean 'help'?); see 'hotel --help'")
    }

    @Test func helpListsEachCommandOnceInTheTreesOrder() {
        let names = HotelCommandLine.subcommands.map(\.spec.name)
        #expect(Array(names.prefix(3)) == ["rooms add", "rooms", "book"])
        #expect(Set(names).count == names.count)
    }

    @Test func theWriteCommandsRunInABatchAndItsHelpNamesThem() throws {
        let batchable = BatchLine.commands.map(\.spec.name)
        #expect(batchable == ["rooms add", "book", "hold", "confirm", "release", "cancel", "change", "checkin", "checkout", "noshow", "undo", "clean", "inspect", "dirty", "settings set", "rates set", "guests set", "guests forget", "charge", "pay", "refund", "invoice", "block", "unblock"])
        let help = try #require(Subcommand.batch.spec.discussion)
        for name in batchable { #expect(help.contains("'\(name)'"), "\(name)") }
        for command in HotelCommandLine.subcommands where !command.spec.runsInBatch {
            #expect(!help.contains("'\(command.spec.name)',") && !help.contains("or '\(command.spec.name)')"), "\(command.spec.name)")
        }
    }

    @Test func everyCommandABatchRunsReadsItsWordsBeforeItRuns() {
        // So that a batch finds a line it cannot run (a bad option or value) before it runs any.
        for command in HotelCommandLine.subcommands {
            #expect((command.prepare != nil) == command.spec.runsInBatch, "\(command.spec.name)")
        }
    }

    @Test(arguments: HotelCommandLine.subcommands.map(\.spec.name))
    func everyCommandDeclaresEachOptionOnceThenStoreAndHelp(_ name: String) throws {
        let spec = try #require(HotelCommandLine.subcommands.first { $0.spec.name == name }).spec
        let names = spec.options.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.suffix(2) == ["--store", "--help"])
    }
}
