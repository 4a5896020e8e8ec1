import BookingCore

extension Subcommand {
    /// `hotel block --room NAME --from DAY --to DAY [--reason TEXT]`
    static let block = Subcommand(
        spec: CommandSpec(
            name: "block", abstract: "Take a room out of service for some nights and print the block's id.",
            discussion: "Refused, naming the booking, if an active, held or checked-in stay (or another block) is in the way. A block takes the room out of 'free', 'availability' and 'book --type', and a booking onto it is refused naming the block. 'hotel unblock ID' ends it. With --json: the block as an object.",
            runsInBatch: true),
        options: Option.room("The room.").required,
        StayOptions(from: "The first night out of service, YYYY-MM-DD.", to: "The day it is back in service, YYYY-MM-DD."),
        Option.reason("Why, such as repairs (at most 200 characters)."), Flag.json,
        prepare: { (_, room, stay, reason, json) throws(CommandLineError) in
            let room = try room.get()
            let stay = try stay.stay()
            let reason = try reason.get()
            return { (context: Context) throws(CommandLineError) in
                try context.requireStore()
                let id = try context.run { (desk) throws(HotelError) in try desk.block(room: room, stay: stay, reason: reason) }
                context.print(Block(id: id, room: room, stay: stay, reason: reason?.rawValue), json: json)
            }
        })

    /// `hotel blocks [--from DAY] [--to DAY]`
    static let blocks = Subcommand(
        spec: CommandSpec(
            name: "blocks", abstract: "List the blocks (rooms out of service), one a line.",
            discussion: "Each line has six tab-separated fields: id, room, first night, day back in service, status (active; past once its last night has passed; ended once unblocked), reason (empty if none), ordered by the first night, then room, then id. On a terminal, the fields stand in aligned columns under a header line (ID, ROOM, FROM, TO, STATUS, REASON); piped, or with --tsv, they are the tab-separated lines. With --json: {\"blocks\":[{...}]}."),
        options: DayRangeOptions(of: "blocks"), AsOfOption(), ListFormat()
    ) { (_, context, days, _, format) throws(CommandLineError) in
        let days = try days.get()
        let format = try format.get()
        try context.requireStore()
        try context.list(matching: BlockFilter(from: days.from, to: days.to), format: format)
    }
}
