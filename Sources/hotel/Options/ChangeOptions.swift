import BookingCore

/// What `change` takes: a new room, and the stay in part (`--from`, `--to` or `--nights`, each optional).
struct ChangeOptions: OptionGroup {
    let room = Option.room("The new room.")
    let stay = StayOptions(
        from: "The new arrival day.", to: "The new departure day.",
        nights: "The new number of nights, from the new or the current arrival, instead of --to.", required: false)

    var options: [OptionSpec] { room.options + stay.options }

    func value(in arguments: ParsedArguments) -> (room: OptionValue<RoomName>, stay: StayOptions.Reader) {
        (room.value(in: arguments), stay.value(in: arguments))
    }
}
