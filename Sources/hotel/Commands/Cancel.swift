import BookingCore

extension Subcommand {
    /// `hotel cancel BOOKING-ID`
    static let cancel = Subcommand(
        spec: CommandSpec(
            name: "cancel", abstract: "Cancel an active booking and print its id.",
            arguments: [("booking-id", "The id 'hotel book' printed, such as bk7q2mxa3d.")],
            positionalCount: 1...1, options: [.json],
            discussion: "The room becomes free again for the booking's dates. The booking stays in the log, marked cancelled. With --json: the booking as an object."
        ),
        run: { (arguments, context) throws(CommandLineError) in
            let id = try arguments.parse(arguments.positionals[0], BookingID.init(_:))
            try context.requireStore()
            let booking = try context.run { (desk) throws(HotelError) in try desk.cancel(id) }
            if arguments.has("--json") {
                context.json(booking.json)
            } else {
                context.line(booking.id.rawValue)
            }
        })
}
