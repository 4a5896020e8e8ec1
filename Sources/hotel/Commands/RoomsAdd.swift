import BookingCore

extension Subcommand {
    /// `hotel rooms add NAME... [--type TYPE]`
    static let roomsAdd = Subcommand(
        spec: CommandSpec(
            name: "rooms add", abstract: "Register rooms so that they can be booked.",
            arguments: [("name", "Room names, such as Blue or 101: case-sensitive, no control characters.")],
            positionalCount: 1...Int.max,
            discussion: "Adds all the rooms or, if any of them exists already, none. A new type within two edits of an existing one (famliy beside family, Family) is refused as a likely typo, naming the existing type, unless --new-type is given. Prints the added names, one a line. Creates the store if there is none.",
            runsInBatch: true, createsStore: true),
        options: Option.type("The rooms' type, such as double or suite (default: standard)."),
        Flag("--new-type", "Add the type even if it is within two edits of an existing one."),
        prepare: { (arguments, type, newType) throws(CommandLineError) in
            var names: [RoomName] = []
            for text in arguments.positionals {
                let name = try arguments.parse(text, RoomName.init(_:))
                if names.contains(name) { throw .usage("room '\(name)' is named more than once", help: arguments.spec.name) }
                names.append(name)
            }
            let type = try type.get() ?? .standard
            return { (context: Context) throws(CommandLineError) in
                try context.run { (desk) throws(HotelError) in try desk.addRooms(names, type: type, allowingNewType: newType) }
                for name in names { context.line(name.rawValue) }
            }
        })
}
