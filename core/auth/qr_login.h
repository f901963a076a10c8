#pragma once

#include "device_info.h"
#include "net/api_error.h"

#include <QObject>
#include <QTimer>

class QWebSocket;

namespace moim {

class SessionManager;

// Sign-in with a QR code scanned by the signed-in phone, as a small state machine
// (docs/protocol.md, "QR sign-in"). It opens its own pre-sign-in login channel, keeps a secret
// that never leaves this object except to redeem the approved session, re-arms the code's
// refresh from the server's expiry (superseding any refresh still in flight), and hands the
// grant to the SessionManager. The UI renders the state and shows uri() as a QR code.
class QrLogin : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Connecting,
        Waiting,   // uri() is the code to show
        Scanned,   // checkCode() is the number the user confirms on the phone
        SigningIn, // approved; redeeming the session
        SignedIn,
        Denied,  // the phone denied, or entered the wrong number (see endReason())
        Expired, // the 5 minutes are over: offer a new code
        Offline, // cannot reach the server
        Failed   // the server refused (see error())
    };
    Q_ENUM(State)

    enum class EndReason
    {
        None,
        Denied,
        WrongCode,
        Refused,          // the account may not sign in (inactive, throttled)
        PhoneNeedsTwoStep // the phone has not passed the account's 2-step verification
    };
    Q_ENUM(EndReason)

    QrLogin(SessionManager *sessions, DeviceInfo device, QObject *parent = nullptr);
    ~QrLogin() override;

    State state() const { return m_state; }
    QString uri() const { return m_uri; }
    QString checkCode() const { return m_checkCode; }
    EndReason endReason() const { return m_endReason; }
    ApiError error() const { return m_error; }
    // Milliseconds until the code refreshes itself (while Waiting).
    int msUntilRefresh() const;

    // Opens a new channel and a new code; anything running before is dropped.
    void start(bool keepSignedIn = true, bool sharedComputer = false);
    // Asks for a new nonce now (normally done when the current one expires).
    void refreshCode();
    // Closes the channel; the state goes back to Idle.
    void cancel();

Q_SIGNALS:
    void stateChanged(moim::QrLogin::State state);
    void uriChanged(const QString &uri);

private:
    void setState(State state);
    void closeChannel();
    void onConnected();
    void onFrame(const QString &frame);
    void onDisconnected();
    void redeem();
    void fail(ApiError error);

    SessionManager *m_sessions;
    DeviceInfo m_device;
    QWebSocket *m_socket = nullptr;
    State m_state = State::Idle;
    QString m_secret; // base64url of 32 random bytes; only its SHA-256 is sent before redeeming
    QString m_qrSession;
    QString m_uri;
    QString m_checkCode;
    EndReason m_endReason = EndReason::None;
    ApiError m_error;
    bool m_keepSignedIn = true;
    bool m_sharedComputer = false;
    int m_lastRequest = 0;  // the newest refresh asked for; older answers are stale
    QTimer m_refreshTimer;  // re-armed from the server's nonce_expires_in
    QTimer m_expiryTimer;   // the session's own end (expires_in)
    QTimer m_responseTimer; // a refresh that gets no answer counts as lost connectivity
};

} // namespace moim
