import Testing
@testable import BookingCore

/// Given past events, when a profile is set or forgotten, then the event (never a value) or the rule that
/// refuses it; and the text rules of profiles.
struct GuestDecisionTests {
    let r1 = GuestRevision(bits: 1), r2 = GuestRevision(bits: 2)
    func set(_ revision: GuestRevision, _ fields: [GuestField] = [.name]) -> DomainEvent { .guestProfileSet(GuestProfileSet(client: client("42"), revision: revision, fields: fields)) }
    var forgotten: DomainEvent { .guestForgotten(GuestForgotten(client: client("42"), at: t0)) }

    @Test func aProfileIsSetOnTheRevisionItWasMergedInto() {
        #expect(given([], when: SetGuestProfile(client: client("42"), revision: r1, fields: [.name], expected: nil)) == .success([set(r1)]))
        #expect(given([set(r1)], when: SetGuestProfile(client: client("42"), revision: r2, fields: [.email, .name], expected: r1)) == .success([set(r2, [.name, .email])]))
        #expect(given([set(r1)], when: SetGuestProfile(client: client("42"), revision: r2, fields: [.name], expected: nil)) == .failure(.guestChangedSinceRead(client("42"))))
        // Forgotten, a profile starts anew.
        #expect(given([set(r1), forgotten], when: SetGuestProfile(client: client("42"), revision: r2, fields: [.name], expected: nil)) == .success([set(r2)]))
    }

    @Test func aForgetNeedsAProfileNotForgotten() {
        #expect(given([set(r1)], when: ForgetGuest(client: client("42"), now: t0)) == .success([forgotten]))
        #expect(given([], when: ForgetGuest(client: client("42"), now: t0)) == .failure(.unknownGuest(client("42"))))
        #expect(given([set(r1), forgotten], when: ForgetGuest(client: client("42"), now: t0)) == .failure(.guestForgotten(client("42"), at: t0)))
    }

    @Test func theEventsHoldNoValue() {
        let data = set(r1, [.name, .email]).storeEvent.data
        #expect(data == ["client": .string("42"), "revision": .string("0000000000000001"), "fields": .string("name email")])
        #expect(set(r1).tags == [.client(client("42"))])
    }

    @Test func findFoldsCaseAndAccents() {
        #expect(TextFolding.folded("Müller") == "muller")
        #expect(TextFolding.folded("ÅSA Øberg Ærø") == "asa oberg aero")
        #expect(TextFolding.folded("Νίκος Παπαδόπουλος") == "νικοσ παπαδοπουλοσ")
        #expect(TextFolding.folded("Dvořák") == "dvorak")
        #expect(TextFolding.folded("u\u{308}ber") == "uber")
        #expect(TextFolding.folded("中村") == "中村")
        #expect(TextFolding.digits("+41 (22) 123-45") == "412212345")
    }

    @Test func valuesKeepTheirRules() throws {
        #expect(try GuestField.email.validated("ana@example.com") == "ana@example.com")
        #expect(throws: InvalidValue.self) { try GuestField.email.validated("ana@@example.com") }
        #expect(throws: InvalidValue.self) { try GuestField.email.validated("@example.com") }
        #expect(throws: InvalidValue.self) { try GuestField.phone.validated("+-()") }
        #expect(try GuestField.phone.validated("+1 (555) 010-9999") == "+1 (555) 010-9999")
        #expect(throws: InvalidValue.self) { try GuestField.name.validated(String(repeating: "é", count: 201)) }
        #expect(try GuestField.name.validated(String(repeating: "é", count: 200)).count == 200)
        #expect(throws: InvalidValue.self) { try GuestField.note.validated("two\nlines") }
    }
}
