import BookingCore

extension Subcommand {
    /// What a command on one booking (or block) does, its options parsed: the booking or block it leaves.
    typealias Action = (any CommandRunner) throws(HotelError) -> any Printed

    /// A command on one booking id: `hotel <name> ID [options]`, printing the id (or, with --json, the
    /// booking as the command leaves it). `prepare` reads the id and the values of `options` (the booking's
    /// own, before `--json`) into the action.
    static func onBooking<Options: OptionGroup>(
        _ name: String, abstract: String, argumentName: String = "booking-id", argument: String = "The id 'hotel book' or 'hotel hold' printed, such as bk7q2mxa3d (in any case).",
        options: Options = NoOptions(), discussion: String,
        _ prepare: @escaping @Sendable (BookingID, Options.Value) throws(CommandLineError) -> Action
    ) -> Subcommand {
        Subcommand(
            spec: CommandSpec(
                name: name, abstract: abstract, arguments: [(argumentName, argument)], positionalCount: 1...1,
                discussion: discussion + " With --json: the booking as an object, as the command leaves it.", runsInBatch: true),
            options: options, Flag.json,
            prepare: { (arguments, options, json) throws(CommandLineError) in
                let id = try arguments.bookingID()
                let action = try prepare(id, options)
                return { (context: Context) throws(CommandLineError) in
                    try context.requireStore()
                    let booking = try context.run(action)
                    context.print(booking, json: json)
                }
            })
    }

    /// `hotel cancel ID [--reason TEXT]`
    static let cancel = onBooking(
        "cancel", abstract: "Cancel a hold or an active booking and print its id.",
        options: OptionList(Option.reason("Why, recorded with the cancellation (at most 200 characters)."), Option.fee),
        discussion: "The room becomes free again for the booking's dates. The booking stays in the log, marked cancelled. Refused once the guest has checked in, checked out or been recorded as a no-show. --fee posts a cancellation fee to its folio, in the same append."
    ) { (id, options) throws(CommandLineError) in
        let (reason, fee) = (try options.0.get(), try options.1.get())
        return { (desk) throws(HotelError) in try desk.cancel(id, reason: reason, fee: fee) }
    }

    /// `hotel confirm ID [--client ID]`
    static let confirm = onBooking(
        "confirm", abstract: "Turn an unexpired hold into a booking with the same id, and print the id.",
        options: Option.client("The client: required if the hold was made without one; for a hold made with one, it must be the same."),
        discussion: "An expired hold is refused, saying when it expired. A hold made for a client is confirmed for that client: --client naming another is refused, never a change of client."
    ) { (id, client) throws(CommandLineError) in
        let client = try client.get()
        return { (desk) throws(HotelError) in try desk.confirm(id, client: client) }
    }

    /// `hotel release ID`
    static let release = onBooking(
        "release", abstract: "End an unexpired hold at once and print its id.",
        discussion: "Its room is free again for its dates."
    ) { (id, _) throws(CommandLineError) in { (desk) throws(HotelError) in try desk.release(id) } }

    /// `hotel checkin ID`
    static let checkin = onBooking(
        "checkin", abstract: "Record that the guest of an active booking has arrived, and print the id.",
        options: Flag("--dirty-ok", "Check in even if the room is dirty (the check-in records that it was)."),
        discussion: "Allowed today (the local date) from the arrival day up to, not including, the departure day. Refused (exit 1, naming the room's status) while the room is dirty ('hotel housekeeping'; 'hotel clean ROOM' records it cleaned), unless --dirty-ok."
    ) { (id, dirtyOK) throws(CommandLineError) in { (desk) throws(HotelError) in try desk.record(.checkedIn, id, dirtyOK: dirtyOK) } }

    /// `hotel checkout ID`
    static let checkout = onBooking(
        "checkout", abstract: "Record that a checked-in guest has left, and print the id.",
        options: Flag("--allow-balance", "Check out even with a balance still to pay."),
        discussion: "The stay is recorded as ending today, the day the guest left: before the departure day, an early departure (the nights not stayed are free again, and not charged); after it, a guest who stayed on (the nights slept count as occupied); on the arrival day, a stay of no night. A checked-out stay holds no nights from today on. Until checked out, a checked-in guest holds the room, past the departure day too. Refused (exit 1, naming the balance) while the folio has a balance to pay, as the check-out leaves it, unless --allow-balance."
    ) { (id, allowBalance) throws(CommandLineError) in { (desk) throws(HotelError) in try desk.record(.checkedOut, id, allowingBalance: allowBalance) } }

    /// `hotel noshow ID`
    static let noshow = onBooking(
        "noshow", abstract: "Record that the guest of an active booking did not come, and print the id.",
        options: Option.fee,
        discussion: "Allowed on or after the arrival day, before a check-in. The room becomes free for the stay's nights, which are no longer charged. --fee posts a no-show fee to its folio, in the same append."
    ) { (id, fee) throws(CommandLineError) in
        let fee = try fee.get()
        return { (desk) throws(HotelError) in try desk.record(.noShow, id, fee: fee) }
    }

    /// `hotel undo ID [--reason TEXT]`
    static let undo = onBooking(
        "undo", abstract: "Undo a booking's last check-in, check-out, no-show or cancellation, and print its id.",
        options: Option.reason("Why, recorded with the correction (at most 200 characters)."),
        discussion: "A correction, recorded as an event that 'hotel history' shows; nothing is erased. A check-in undone leaves the booking active; a check-out, checked in again with the stay as booked; a no-show or a cancellation, active. Refused, naming the booking in the way, if the room has been taken since for a night the booking would hold again; and for a check-in once the guest has changed rooms."
    ) { (id, reason) throws(CommandLineError) in
        let reason = try reason.get()
        return { (desk) throws(HotelError) in try desk.undo(id, reason: reason) }
    }

    /// `hotel change ID [--room NAME] [--from DAY] [--to DAY | --nights N]`
    static let change = onBooking(
        "change", abstract: "Move a held, booked or checked-in stay to another room and/or dates; print its id.",
        options: ChangeOptions(),
        discussion: "One event, all or nothing: if the new room or nights are taken, nothing changes and the booking in the way is named. The stay's own nights do not count against it. A checked-in stay keeps its arrival: --to extends or shortens it (to after today), and --room moves the guest from today on, the nights already slept staying in the room they were slept in (the new room must be free from today to the departure). Give at least one option."
    ) { (id, options) throws(CommandLineError) in
        let room = try options.room.get()
        let arrival = try options.stay.arrival()
        let nights = try options.stay.nightCount()
        let departure = try options.stay.departure(after: arrival)
        if room == nil, arrival == nil, departure == nil, nights == nil { throw .usage("give at least one of --room, --from, --to and --nights", help: "change") }
        return { (desk) throws(HotelError) in
            try desk.onID(id) { (id) throws(HotelError) in
                var departure = departure
                if let nights, arrival == nil {
                    // --nights from the current arrival.
                    guard let booking = try desk.state(query: Query([QueryItem(types: [], tags: [.booking(id)])])).booking(id) else {
                        throw .rejected(.unknownBooking(id))
                    }
                    departure = booking.stay.arrival.adding(days: nights)
                }
                return try desk.change(id, room: room, arrival: arrival, departure: departure)
            }
        }
    }

    /// `hotel unblock ID`
    static let unblock = onBooking(
        "unblock", abstract: "End a block: put the room back in service, and print the block's id.",
        argumentName: "block-id", argument: "The id 'hotel block' printed, such as bl4m8q2x7z (in any case).", discussion: "The room can be booked again for the block's nights."
    ) { (id, _) throws(CommandLineError) in { (desk) throws(HotelError) in try desk.unblock(id) } }
}
