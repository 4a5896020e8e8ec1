import BookingCore

/// `--room <name>` or `--type <type>`, exactly one: the room a stay is asked for, or a type to choose the
/// best free room of.
struct TargetOptions: OptionGroup {
    let room: Option<RoomName>
    let type: Option<RoomType>

    init(room: String, type: String) {
        self.room = .room(room)
        self.type = .type(type)
    }

    var options: [OptionSpec] { room.options + type.options }

    func value(in arguments: ParsedArguments) -> Reader { Reader(room: room.value(in: arguments), type: type.value(in: arguments)) }

    /// What a command reads of ``TargetOptions``.
    struct Reader {
        let room: OptionValue<RoomName>
        let type: OptionValue<RoomType>

        /// The room or the type.
        /// - Throws: a usage error if both or neither is given, or the one given is invalid.
        func get() throws(CommandLineError) -> StayRequest.Target {
            switch (room.isGiven, type.isGiven) {
            case (true, false): return .room(try room.required())
            case (false, true): return .type(try type.required())
            case (true, true): throw .usage("give --room or --type, not both", help: room.command)
            case (false, false): throw .usage("missing option '--room <name>' or '--type <type>'", help: room.command)
            }
        }
    }
}
