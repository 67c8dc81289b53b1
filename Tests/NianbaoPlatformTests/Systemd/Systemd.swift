import Testing
import NianbaoTestSupport

/// Groups every test of the systemd integration, so that
/// `swift test --filter Systemd` selects exactly them.
@Suite enum Systemd {}
