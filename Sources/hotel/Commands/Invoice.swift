import BookingCore

extension Subcommand {
    /// `hotel invoice ID [--credit] [--json]`
    static let invoice = Subcommand(
        spec: CommandSpec(
            name: "invoice", abstract: "Issue a stay's invoice (or with --credit its credit note) and print it, its number on the first line.",
            arguments: [("booking-id", "The id 'hotel book' printed.")], positionalCount: 1...1,
            discussion: "For a stay that is not a hold (active, checked in, checked out, cancelled or no-show). Its number is PREFIX-YYYY-NNNNNN: the setting invoice-prefix (default INV), the year of today, and the next of that year's sequence, which has no gap and no repeat (credit notes share it). It says the hotel's name and address (the settings), the number and date, the client, the stay and room, the nights charged grouped by price (3 nights x 120.00), the extras and fees, the total, the VAT included at each rate (vat-rooms on nights and fees, vat-extras on extras; computed on that rate's total, rounded half up), the payments and refunds, and the balance due. Asked again, it prints the same invoice and records nothing. Once invoiced, the folio is closed: charge, pay, refund, change and a fee are refused (exit 1) until 'hotel invoice ID --credit' issues a credit note (the next number) that cancels the invoice and opens the folio again; 'hotel invoice ID' then issues a new invoice. The guest's name, where 'hotel guests set' recorded one, follows the booking line ('Guest: NAME'); it is personal data, so it is printed as it is known now and never recorded with the invoice. With --json: {\"number\":...,\"kind\":\"invoice\" or \"credit-note\",\"credits\":...,\"date\":...,\"booking\":...,\"client\":...,\"name\":...,\"room\":...,\"arrival\":...,\"departure\":...,\"hotel\":...,\"address\":...,\"nights\":[{\"nights\":...,\"price\":...,\"amount\":...}],\"charges\":[{\"day\":...,\"kind\":...,\"description\":...,\"amount\":...}],\"total\":...,\"vat\":[{\"rate\":...,\"amount\":...}],\"payments\":[...],\"balance\":...}; a credit note's amounts are negative.",
            runsInBatch: true),
        options: Flag("--credit", "Issue the credit note cancelling the stay's open invoice instead."), Flag.json,
        prepare: { (arguments, credit, json) throws(CommandLineError) in
            let id = try arguments.bookingID()
            return { (context: Context) throws(CommandLineError) in
                try context.requireStore()
                let invoice = try context.run { (desk) throws(HotelError) in try desk.invoice(id, credit: credit) }
                // The guest's name is personal data: never in the invoice's event, printed as it is known now.
                let name = invoice.content.client.flatMap { context.guestNames(of: [$0])[$0] }
                if json { context.json(invoice.json(name: name)) } else { for line in invoice.text(name: name) { context.line(line) } }
            }
        })
}

extension Invoice {
    /// The invoice as printed: fit for paper, its number on the first line; amounts right-aligned. `name`, the
    /// guest's name where one is known, follows the client.
    func text(name: String?) -> [String] {
        var head = [number.description, creditNote == nil ? "Invoice" : "Credit note, cancelling invoice \(issued.number)"]
        if let name = content.hotelName { head.append(name) }
        if let address = content.hotelAddress { head.append(address) }
        head.append("Date: \(date)")
        head.append("Booking: \(issued.booking)" + (content.client.map { ", client \($0)" } ?? ""))
        if let name { head.append("Guest: \(name)") }
        head.append("Stay: \(content.stay), room \(content.room)")
        var rows: [(String, Amount)] = []
        for group in nightGroups { rows.append(("\(group.nights) night\(group.nights == 1 ? "" : "s") x \(group.price.magnitudeText)", group.total)) }
        for charge in charges { rows.append(("\(charge.what ?? charge.kind.rawValue) (\(charge.kind.rawValue), \(charge.day))", charge.amount)) }
        var totals: [(String, Amount)] = [("Total", total)]
        for (rate, amount) in vat { totals.append(("VAT \(rate.text)% included", amount)) }
        var paid: [(String, Amount)] = []
        for payment in payments {
            let how = [payment.method?.rawValue, payment.reference].compactMap { $0 }.joined(separator: " ")
            paid.append(("\(payment.kind == .payment ? "Payment" : "Refund") \(payment.day)" + (how.isEmpty ? "" : " (\(how))"), payment.kind == .payment ? -payment.amount : payment.amount))
        }
        // A credit note cancels: its total is all it says.
        let balanceRow = creditNote == nil ? [("Balance due", balance)] : []
        let all = rows + totals + paid + balanceRow
        let labelWidth = all.map { DisplayWidth.of($0.0) }.max() ?? 0
        let amountWidth = all.map { $0.1.description.utf8.count }.max() ?? 0
        func row(_ label: String, _ amount: Amount) -> String {
            label + String(repeating: " ", count: labelWidth - DisplayWidth.of(label) + 2 + amountWidth - amount.description.utf8.count) + amount.description
        }
        let rule = String(repeating: "-", count: labelWidth + 2 + amountWidth)
        return head + [""] + rows.map(row) + [rule] + totals.map(row) + (paid.isEmpty ? [] : [""] + paid.map(row)) + (balanceRow.isEmpty ? [] : [rule] + balanceRow.map(row))
    }

    /// `--json`, with `name` the guest's name (null where none is known).
    func json(name: String?) -> JSONValue {
        func posting(_ p: Posting, signed: Amount) -> JSONValue {
            let description: String
            switch p.kind {
            case .extra, .fee: description = p.what ?? p.kind.rawValue
            case .payment, .refund: description = [p.method?.rawValue, p.reference].compactMap { $0 }.joined(separator: " ")
            }
            return .object(["day": .string(p.day.description), "kind": .string(p.kind.rawValue), "description": .string(description), "amount": .string(signed.description)])
        }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        var object: JSONObject = ["number": .string(number.description)]
        object["kind"] = .string(creditNote == nil ? "invoice" : "credit-note")
        object["credits"] = text(creditNote == nil ? nil : issued.number.description)
        object["date"] = .string(date.description)
        object["booking"] = .string(issued.booking.rawValue)
        object["client"] = text(content.client?.rawValue)
        object["name"] = text(name)
        object["room"] = .string(content.room.rawValue)
        object["arrival"] = .string(content.stay.arrival.description)
        object["departure"] = .string(content.stay.departure.description)
        object["hotel"] = text(content.hotelName)
        object["address"] = text(content.hotelAddress)
        let groups: [JSONValue] = nightGroups.map { group in
            .object(["nights": .number(String(group.nights)), "price": .string(group.price.description), "amount": .string(group.total.description)])
        }
        object["nights"] = .array(groups)
        object["charges"] = .array(charges.map { posting($0, signed: $0.amount) })
        object["total"] = .string(total.description)
        object["vat"] = .array(vat.map { .object(["rate": .string($0.rate.text), "amount": .string($0.amount.description)]) })
        object["payments"] = .array(payments.map { posting($0, signed: $0.kind == .payment ? -$0.amount : $0.amount) })
        object["balance"] = .string(balance.description)
        return .object(object)
    }
}

extension Amount {
    /// The amount without its sign: `120.00` (a credit note's price per night reads as the invoice's).
    var magnitudeText: String { minorUnits < 0 ? (-self).description : description }
}
