import Storage

/// Roles as storage keeps them. The cases match one to one; the switches make the compiler say so.
extension Role {
    init(_ stored: MemberRole) {
        switch stored {
        case .owner: self = .owner
        case .admin: self = .admin
        case .member: self = .member
        case .viewer: self = .viewer
        }
    }

    var stored: MemberRole {
        switch self {
        case .owner: .owner
        case .admin: .admin
        case .member: .member
        case .viewer: .viewer
        }
    }
}
