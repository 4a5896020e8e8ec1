import BookingCore

// The options several commands take, each declared once with its name, placeholder and kind of value; a
// command gives the help text that fits it.

extension Option where Value == ClientID {
    /// `--client <id>`.
    static func client(_ help: String) -> Option { Option("--client", "id", help, ClientID.init(_:)) }
}

extension Option where Value == RoomName {
    /// `--room <name>`.
    static func room(_ help: String) -> Option { Option("--room", "name", help, RoomName.init(_:)) }
}

extension Option where Value == RoomType {
    /// `--type <type>`.
    static func type(_ help: String) -> Option { Option("--type", "type", help, RoomType.init(_:)) }
}

extension Option where Value == Reason {
    /// `--reason <text>`.
    static func reason(_ help: String) -> Option { Option("--reason", "text", help, Reason.init(_:)) }
}

extension Option where Value == IdempotencyKey {
    /// `--idempotency-key <key>`, as `book` and `hold` take it.
    static var idempotencyKey: Option {
        Option(
            "--idempotency-key", "key", "Name this request: a repeat with the same key and arguments records nothing and prints the same id.",
            IdempotencyKey.init(_:))
    }
}

extension Option where Value == Day {
    /// A day option such as `--from <day>`: `YYYY-MM-DD`, `today`, `tomorrow`, `yesterday`, `+N` or `-N`.
    static func day(_ name: String, _ help: String) -> Option {
        Option(name, "day", help) { (text, today) throws(OptionValueError) in
            do throws(InvalidValue) { return try Day(text, today: today) } catch { throw .invalid(error) }
        }
    }

    /// `--on <day>`: the day a desk's list or audit is of (default today).
    static var onDay: Option { day("--on", "The day, YYYY-MM-DD (default: today, in the local time zone).") }
}

extension Option where Value == Int {
    /// `--nights <n>`: a whole number of nights, 1 to ``Stay/maximumNights``.
    static func nights(_ help: String) -> Option {
        Option("--nights", "n", help) { (text, _) throws(OptionValueError) in
            guard let nights = Int(text), (1...Stay.maximumNights).contains(nights), text.first != "+" else {
                throw .invalid(.text(option: "--nights", text, reason: "expected a whole number of nights, 1 to \(Stay.maximumNights)"))
            }
            return nights
        }
    }
}

extension Option where Value == String {
    /// An amount of money, as typed: its form depends on the currency set, so the command checks it when it
    /// runs (a usage error, exit 64, saying the currency's rule).
    ///
    /// Its form in any currency (digits, and at most four after a point) is checked when the command is read,
    /// so that a batch refuses such a line before it runs any.
    static func amount(_ name: String, _ help: String) -> Option {
        Option(name, "amount", help) { (text: String) throws(InvalidValue) in
            guard Amount.isWellFormed(text) else { throw .amount(text, currency: nil) }
            return text
        }
    }

    /// `--price <amount>`, as `book` and `hold` take it.
    static let price = amount("--price", "A negotiated price per night, instead of the rates (in the currency set).")

    /// `--fee <amount>`, as `cancel` and `noshow` take it.
    static let fee = amount("--fee", "A fee posted to the folio, in the currency set.")
}
