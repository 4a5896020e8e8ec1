import BookingCore

extension Subcommand {
    /// `hotel settings [--json]` or `hotel settings list`
    static let settingsList = Subcommand(
        spec: CommandSpec(
            name: "settings", abstract: "List the hotel's settings: KEY<TAB>VALUE for every key.",
            discussion: "Each key with its value as set, else its default, else nothing after the tab. The keys: \(SettingKey.list). 'hotel settings list' is the same. With --json: {\"settings\":{\"name\":...,...}} (null where there is no value)."),
        options: AsOfOption(), Flag.json,
        run: { (_, context, _, json) throws(CommandLineError) in
            try context.requireStore()
            let settings = try context.query { (desk) throws(HotelError) in try desk.settings() }
            if json {
                context.json(.object(["settings": .object(JSONObject(settings.map { ($0.key.rawValue, $0.value.map(JSONValue.string) ?? .null) }))]))
            } else {
                for (key, value) in settings { context.line(key.rawValue + "\t" + (value ?? "")) }
            }
        })

    /// `hotel settings set KEY VALUE`
    static let settingsSet = Subcommand(
        spec: CommandSpec(
            name: "settings set", abstract: "Record a setting of the hotel and print its key.",
            arguments: [("key", "One of: \(SettingKey.list)."), ("value", "The value (see below).")],
            positionalCount: 2...2,
            discussion: "name and address (printed on invoices): text of at most 200 characters. currency: an ISO 4217 code such as EUR, USD or JPY, which every amount is in; once any amount is recorded (a rate included), changing it is refused (exit 1). vat-rooms (room nights and fees) and vat-extras: the VAT included in the prices, a percentage with at most two decimals, such as 7 or 19.25. invoice-prefix: what invoice numbers begin with, 1 to 12 ASCII letters or digits (default INV). Setting a key to the value it has records nothing.",
            runsInBatch: true),
        prepare: { (arguments) throws(CommandLineError) in
            let name = arguments.positionals[0]
            guard let key = SettingKey(rawValue: name) else {
                throw .usage("unknown setting '\(InvalidValue.shown(name))': the keys are \(SettingKey.list)", help: arguments.spec.name)
            }
            let value = try arguments.parse(arguments.positionals[1], key.validated)
            return { (context: Context) throws(CommandLineError) in
                try context.requireStore()
                try context.run { (desk) throws(HotelError) in try desk.changeSetting(key, to: value) }
                context.line(key.rawValue)
            }
        })
}
