import BookingCore

extension Subcommand {
    /// `hotel book --client ID --room NAME --from DAY --to DAY`
    static let book = Subcommand(
        spec: CommandSpec(
            name: "book", abstract: "Book a room for a client's stay and print the new booking's id.",
            options: [
                .value("--client", "id", "The client's id, such as 42.", required: true),
                .value("--room", "name", "The room to book; it must be registered and free for the whole stay.", required: true),
                .value("--from", "day", "The arrival day, YYYY-MM-DD: the first night.", required: true),
                .value("--to", "day", "The departure day, YYYY-MM-DD: after the last night.", required: true),
                .json,
            ],
            discussion: "Stays are half-open: a guest leaving on the 3rd frees the room for a guest arriving on the 3rd. Two processes booking the same room at once cannot both succeed. With --json: the booking as an object."
        ),
        run: { (arguments, context) throws(CommandLineError) in
            let client = try arguments.parse(arguments.required("--client"), ClientID.init(_:))
            let room = try arguments.parse(arguments.required("--room"), RoomName.init(_:))
            let stay = try arguments.stay()
            let id = try context.run { (desk) throws(HotelError) in try desk.book(client: client, room: room, stay: stay) }
            if arguments.has("--json") {
                context.json(Booking(id: id, client: client, room: room, stay: stay, status: .active).json)
            } else {
                context.line(id.rawValue)
            }
        })
}
