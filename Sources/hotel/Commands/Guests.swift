import BookingCore

extension Subcommand {
    /// `hotel guests [--json]` or `hotel guests list`
    static let guestsList = Subcommand(
        spec: CommandSpec(
            name: "guests", abstract: "List the guests with a profile: CLIENT<TAB>NAME<TAB>EMAIL<TAB>PHONE.",
            discussion: "Every guest with a profile (not the forgotten), in byte order of the name, then of the client id; a field is empty where none is set, values as given. Personal data is kept beside the log (the file <store>.guests, mode 0600), never in it: 'hotel log' does not contain it, so a backup is the log and 'hotel guests export'. 'hotel guests list' is the same. With --json: {\"guests\":[{\"client\":...,\"name\":...,\"email\":...,\"phone\":...,\"note\":...}]} (null where none is set)."),
        options: Flag.json,
        run: { (_, context, json) throws(CommandLineError) in
            try context.requireStore()
            let guests = try context.query { (desk) throws(HotelError) in try desk.guests() }
            context.printGuests(guests, json: json)
        })

    /// `hotel guests find TEXT [--json]`
    static let guestsFind = Subcommand(
        spec: CommandSpec(
            name: "guests find", abstract: "List the guests whose name, e-mail or phone contains TEXT, ignoring case and accents.",
            arguments: [("text", "What to look for: part of a name (muller finds Müller), an e-mail address or a phone number (matched on its digits).")],
            positionalCount: 1...1,
            discussion: "The same lines as 'hotel guests', in the same order. With --json: as 'hotel guests --json'."),
        options: Flag.json,
        run: { (arguments, context, json) throws(CommandLineError) in
            let text = arguments.positionals[0]
            guard !TextFolding.foldsToNothing(text) else { throw .usage("the text to find is empty (or only accents)", help: arguments.spec.name) }
            try context.requireStore()
            let guests = try context.query { (desk) throws(HotelError) in try desk.findGuests(text) }
            context.printGuests(guests, json: json)
        })

    /// `hotel guests show CLIENT [--json]`
    static let guestsShow = Subcommand(
        spec: CommandSpec(
            name: "guests show", abstract: "Show what the hotel holds about a client: the profile, the stays and each folio's balance.",
            arguments: [("client", "The client id, as --client takes it.")], positionalCount: 1...1,
            discussion: "The profile as KEY<TAB>VALUE lines (client, name, email, phone, note; or client and forgotten with the time it was erased), then the client's stays as 'hotel bookings' prints them, each followed by its folio's balance where it has one. With --json: {\"client\":...,\"name\":...,\"email\":...,\"phone\":...,\"note\":...,\"stays\":[...],\"events\":[...]}, or {\"client\":...,\"forgottenAt\":...,\"stays\":[...],\"events\":[...]} once forgotten: the complete record of what the hotel holds about that person (GDPR article 15). \"events\" are the log's events about the client's profile (each change, which fields, the erasure and its reason) and about each of their stays (booking, changes, nightly prices, charges, payments with their method and reference, invoices), in log order, each the JSON object of its line in 'hotel log' (the same members and values)."),
        options: Flag.json,
        run: { (arguments, context, json) throws(CommandLineError) in
            let client = try arguments.parse(arguments.positionals[0], ClientID.init(_:))
            try context.requireStore()
            let (found, stays, balances, now) = try context.query { (desk) throws(HotelError) in
                let (guest, stays) = try desk.guest(client)
                let balances = try stays.map { (stay) throws(HotelError) -> Amount? in
                    let folio = try desk.folio(stay.id)
                    return folio.lines.isEmpty ? nil : folio.balance
                }
                return (guest, stays, balances, desk.now)
            }
            // The log's events about the person and their stays: prices, payments, invoices, the profile's changes.
            var events: [JSONValue] = []
            if json {
                let subjects = [HistorySubject.guest(client)] + stays.map { HistorySubject.booking($0.id) }
                do throws(EventStoreError) {
                    events = try context.store.lines(about: subjects).map { line in (try? JSONParser.parse(line)) ?? .string(String(decoding: line, as: UTF8.self)) }
                } catch { throw CommandLineError(.store(error)) }
            }
            if json {
                var object: JSONObject = ["client": .string(client.rawValue)]
                if let forgotten = found?.forgottenAt {
                    object["forgottenAt"] = .string(forgotten.description)
                } else {
                    for field in GuestField.allCases { object[field.rawValue] = found?.profile?[field].map(JSONValue.string) ?? .null }
                }
                object["stays"] = .array(zip(stays, balances).map { stay, balance in
                    var value = stay.json(at: now)
                    if case .object(var fields) = value { fields["balance"] = balance.map { .string($0.description) } ?? .null; value = .object(fields) }
                    return value
                })
                object["events"] = .array(events)
                context.json(.object(object))
            } else {
                context.line("client\t\(client)")
                if let forgotten = found?.forgottenAt {
                    context.line("forgotten\t\(forgotten)")
                } else {
                    for field in GuestField.allCases { context.line("\(field.rawValue)\t\(found?.profile?[field] ?? "")") }
                }
                for (stay, balance) in zip(stays, balances) {
                    context.line(stay.fields(at: now).joined(separator: "\t") + (balance.map { "\tbalance \($0)" } ?? ""))
                }
            }
        })

    /// `hotel guests set CLIENT [--name TEXT] [--email TEXT] [--phone TEXT] [--note TEXT]`
    static let guestsSet = Subcommand(
        spec: CommandSpec(
            name: "guests set", abstract: "Record or update a client's profile (name, e-mail, phone, note) and print the client id.",
            arguments: [("client", "The client id, as --client takes it: keep it pseudonymous (a number, a loyalty code), as the log keeps it for ever.")],
            positionalCount: 1...1,
            discussion: "Options not given keep their value; a forgotten client starts a new profile. The values are kept beside the log (the file <store>.guests, mode 0600, rewritten by write, fsync and rename), never in it: the log records that the profile was set and which fields changed. A name has at most 200 characters, a note at most 500; an e-mail address one '@' and no white space; a phone number digits, spaces and + - ( ); anything else exits 64. Two processes setting one profile at once both land, one after the other.",
            runsInBatch: true, writesGuests: true),
        options: OptionList(
            Option("--name", "text", "The guest's name, as they write it.") { (text: String) throws(InvalidValue) in try GuestField.name.validated(text) },
            Option("--email", "address", "An e-mail address.") { (text: String) throws(InvalidValue) in try GuestField.email.validated(text) },
            Option("--phone", "number", "A phone number.") { (text: String) throws(InvalidValue) in try GuestField.phone.validated(text) },
            Option("--note", "text", "A note for the desk (at most 500 characters).") { (text: String) throws(InvalidValue) in try GuestField.note.validated(text) }),
        prepare: { (arguments, options) throws(CommandLineError) in
            let client = try arguments.parse(arguments.positionals[0], ClientID.init(_:))
            var values: [GuestField: String] = [:]
            if let name = try options.0.get() { values[.name] = name }
            if let email = try options.1.get() { values[.email] = email }
            if let phone = try options.2.get() { values[.phone] = phone }
            if let note = try options.3.get() { values[.note] = note }
            guard !values.isEmpty else { throw .usage("give at least one of --name, --email, --phone, --note", help: arguments.spec.name) }
            return { (context: Context) throws(CommandLineError) in
                try context.requireStore()
                try context.run { (desk) throws(HotelError) in try desk.setGuest(client, values) }
                context.line(client.rawValue)
            }
        })

    /// `hotel guests forget CLIENT [--reason TEXT]`
    static let guestsForget = Subcommand(
        spec: CommandSpec(
            name: "guests forget", abstract: "Erase a client's name, e-mail, phone and note, and print the client id.",
            arguments: [("client", "The client id.")], positionalCount: 1...1,
            discussion: "GDPR article 17. The erasure is recorded first, then the values are removed from the side file: once this exits 0 no byte of them is left in any file of the store, and a process killed in between leaves them never shown again and removed by the next command that writes. Bookings, folios and history stay, under the client id; 'hotel guests show' says the guest was forgotten and when; 'hotel guests find' no longer finds them; 'hotel guests set' later starts a new profile.",
            runsInBatch: true, writesGuests: true),
        options: Option.reason("Why, recorded with the erasure (at most 200 characters; no personal data: the log keeps it)."),
        prepare: { (arguments, options) throws(CommandLineError) in
            let client = try arguments.parse(arguments.positionals[0], ClientID.init(_:))
            let reason = try options.get()
            return { (context: Context) throws(CommandLineError) in
                try context.requireStore()
                try context.run { (desk) throws(HotelError) in try desk.forgetGuest(client, reason: reason) }
                context.line(client.rawValue)
            }
        })

    /// `hotel guests export`
    static let guestsExport = Subcommand(
        spec: CommandSpec(
            name: "guests export", abstract: "Print the guests' personal data as JSON lines, for a backup or a move.",
            discussion: "One object a profile the log shows, in byte order of the client id: {\"client\":...,\"revision\":...,\"name\":...,...}. 'hotel log' never contains personal data: a backup is both the log and this; 'hotel guests import' restores it into a store holding the same log."),
        run: { (_, context) throws(CommandLineError) in
            try context.requireStore()
            let records = try context.query { (desk) throws(HotelError) in try desk.exportGuests() }
            for record in records { context.json(record.json) }
        })

    /// `hotel guests import FILE|-`
    static let guestsImport = Subcommand(
        spec: CommandSpec(
            name: "guests import", abstract: "Restore the guests' personal data from 'hotel guests export', and print how many profiles.",
            arguments: [("file", "The export, or - for standard input.")], positionalCount: 1...1,
            discussion: "Each profile must be one the store's log knows (its client's last profile set names its revision: after 'hotel log | hotel import -' into a new store, say); a file with any other, or a line that is not a profile, is refused whole and nothing is written. The refusal names the line (blank lines are skipped, and counted) and why: exit 65 for a line that is not a profile as the export writes it (not JSON, a field the export does not have, a value 'hotel guests set' refuses, a second profile of one client), exit 1 for a profile the log does not show (no profile of that client, one forgotten since, or another revision)."),
        run: { (arguments, context) throws(CommandLineError) in
            let source = arguments.positionals[0]
            let name = source == "-" ? "stdin" : "'\(source)'"
            func refusal(_ line: Int, _ reason: String, _ status: ExitStatus) -> CommandLineError {
                CommandLineError(message: "line \(line) of \(name): \(reason); nothing was imported", status: status)
            }
            var records: [(line: Int, record: GuestRecord)] = []
            var lineOfClient: [ClientID: Int] = [:]
            for (index, whole) in try readInput(source).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
                // A CRLF line end is one too.
                let line = whole.last == UInt8(ascii: "\r") ? whole.dropLast() : whole
                if line.isEmpty { continue }
                let record: GuestRecord
                do throws(GuestRecord.ExportLineProblem) { record = try GuestRecord(exportLine: Array(line)) } catch { throw refusal(index + 1, error.description, .dataError) }
                if let earlier = lineOfClient.updateValue(index + 1, forKey: record.client) {
                    throw refusal(index + 1, "a second profile of client '\(record.client)' (line \(earlier))", .dataError)
                }
                records.append((index + 1, record))
            }
            try context.requireStore()
            let (count, refused) = try context.query { (desk) throws(HotelError) -> (Int, (index: Int, logged: GuestEntry?, lacks: [GuestField])?) in
                do throws(HotelError) { return (try desk.importGuests(records.map(\.record)), nil) }
                catch .rejected(.importedProfileNotKept(let index, let logged)) { return (0, (index, logged, [])) }
                catch .rejected(.importedProfileLacks(let index, let fields)) { return (0, (index, nil, fields)) }
            }
            if let (index, logged, lacks) = refused {
                let (line, record) = records[index]
                if !lacks.isEmpty {
                    throw refusal(line, "client '\(record.client)''s profile at revision \(record.revision) has no \(lacks.map(\.rawValue).joined(separator: ", ")), which the log records were set", .rejected)
                }
                let reason = if let forgotten = logged?.forgottenAt {
                    "client '\(record.client)' was forgotten at \(forgotten): their values are not restored"
                } else if let revision = logged?.revision {
                    "client '\(record.client)''s profile at revision \(record.revision) is not the one the log records (\(revision)): the export is of another store or an older state"
                } else {
                    "the log records no profile of client '\(record.client)' (import the log first: 'hotel log | hotel --store NEW import -')"
                }
                throw refusal(line, reason, .rejected)
            }
            context.line("imported \(count) profiles")
        })
}

extension Context {
    /// `CLIENT<TAB>NAME<TAB>EMAIL<TAB>PHONE` a guest, or the JSON list.
    func printGuests(_ guests: [Guest], json: Bool) {
        if json {
            self.json(.object(["guests": .array(guests.map { guest in
                var object: JSONObject = ["client": .string(guest.client.rawValue)]
                for field in GuestField.allCases { object[field.rawValue] = guest.profile?[field].map(JSONValue.string) ?? .null }
                return .object(object)
            })]))
        } else {
            for guest in guests {
                line([guest.client.rawValue, guest.profile?[.name] ?? "", guest.profile?[.email] ?? "", guest.profile?[.phone] ?? ""].joined(separator: "\t"))
            }
        }
    }
}

extension GuestRecord {
    /// As `hotel guests export` writes it.
    var json: JSONValue {
        var object: JSONObject = ["client": .string(client.rawValue), "revision": .string(revision.description)]
        for field in GuestField.allCases { if let value = profile[field] { object[field.rawValue] = .string(value) } }
        return .object(object)
    }

    /// Why a line is not a profile as `hotel guests export` writes it.
    enum ExportLineProblem: Error, CustomStringConvertible {
        case notAProfile
        case unknownField(String)
        case invalid(GuestField, InvalidValue)

        var description: String {
            switch self {
            case .notAProfile:
                return "not a guest's profile as 'hotel guests export' writes it (a JSON object with client and revision)"
            case .unknownField(let key):
                return "unknown field '\(InvalidValue.shown(key))' (a profile has client, revision, \(GuestField.allCases.map(\.rawValue).dropLast().joined(separator: ", ")) and \(GuestField.allCases.last!.rawValue))"
            case .invalid(let field, .text(_, let text, let reason)):
                return "invalid \(field.rawValue) '\(InvalidValue.shown(text))': \(reason)"
            case .invalid(let field, let error):
                return "invalid \(field.rawValue): \(error)"
            }
        }
    }

    /// One line of an export.
    init(exportLine bytes: [UInt8]) throws(ExportLineProblem) {
        guard let object = try? JSONParser.parse(bytes).objectValue, let client = object["client"]?.stringValue.flatMap({ try? ClientID($0) }),
              let revision = object["revision"]?.stringValue.flatMap({ try? GuestRevision($0) })
        else { throw .notAProfile }
        if let unknown = object.members.first(where: { $0.key != "client" && $0.key != "revision" && GuestField(rawValue: $0.key) == nil }) {
            throw .unknownField(unknown.key)
        }
        guard Set(object.members.map(\.key)).count == object.members.count else { throw .notAProfile }
        var profile = GuestProfile()
        for field in GuestField.allCases {
            guard let value = object[field.rawValue] else { continue }
            guard let text = value.stringValue else { throw .notAProfile }
            do throws(InvalidValue) { profile[field] = try field.validated(text) } catch { throw .invalid(field, error) }
        }
        self.init(client: client, revision: revision, profile: profile)
    }
}
