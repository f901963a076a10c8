#pragma once

#include "device_info.h"
#include "net/api_error.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

class QWebSocket;

namespace moim {

class SessionManager;
struct ApiResult;

// Sign-in with the linked personal account, approved on the phone (docs/protocol.md "Push
// sign-in"), as a small state machine. The user names the personal account; this object opens
// its own pre-sign-in login channel, which pushes the request to the phone signed in to that
// account and answers with a 2-digit number for the desktop to show. The phone approves with
// that number (or denies); the approval reaches the desktop by push on the channel, and only
// then is the session redeemed with a secret that never left this object. Where 2-step
// verification applies a code follows (NeedsSecondFactor, resumed by submitCode() or
// submitRecoveryCode()). The UI renders the state and forwards input.
class PushLogin : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Connecting,        // opening the channel and sending the request
        WaitingForPhone,   // checkCode() is the number to show; the phone has the request
        SigningIn,         // approved; redeeming the session
        NeedsSecondFactor, // error() says why the last code was refused, if one was
        VerifyingCode,
        SignedIn,
        Denied,  // the phone denied, reported, or entered the wrong number (see endReason())
        Expired, // the 60 seconds are over
        Offline, // cannot reach the server
        Failed   // the server refused (see error(): too many waiting, blocked, throttled…)
    };
    Q_ENUM(State)

    enum class EndReason
    {
        None,
        Denied,
        Reported, // "I didn't request this": pushes to the account pause for a while
        WrongCode,
        Refused // the server did not accept the approval (deactivated, throttled, unlinked)
    };
    Q_ENUM(EndReason)

    PushLogin(SessionManager *sessions, DeviceInfo device, QObject *parent = nullptr);
    ~PushLogin() override;

    State state() const { return m_state; }
    QString personalAccount() const { return m_personalAccount; }
    QString checkCode() const { return m_checkCode; }
    EndReason endReason() const { return m_endReason; }
    ApiError error() const { return m_error; }
    // Milliseconds until the request expires (while WaitingForPhone).
    int msUntilExpiry() const;

    // Sends a new request to the phone of personalAccount; anything running before is dropped.
    // An empty or malformed id fails at once with InvalidInput, without a request.
    void start(const QString &personalAccount, bool keepSignedIn = true,
               bool sharedComputer = false);
    // Answers the 2-step challenge that followed the approval; ignored unless
    // NeedsSecondFactor.
    void submitCode(const QString &code);
    void submitRecoveryCode(const QString &code);
    // Withdraws the request (closing the channel); the state goes back to Idle.
    void cancel();

    // Whether text could be a personal account id at all (3 to 100 characters, no spaces).
    static bool isPlausibleId(const QString &text);

Q_SIGNALS:
    void stateChanged(moim::PushLogin::State state);

private:
    void setState(State state);
    void closeChannel();
    void onConnected();
    void onFrame(const QString &frame);
    void onDisconnected();
    void redeem();
    void answerChallenge(QLatin1StringView field, const QString &code);
    void finish(const ApiResult &result);
    void fail(ApiError error);

    SessionManager *m_sessions;
    DeviceInfo m_device;
    QWebSocket *m_socket = nullptr;
    State m_state = State::Idle;
    QString m_personalAccount;
    QString m_secret; // base64url of 32 random bytes; only its SHA-256 is sent before redeeming
    QString m_pushRequest;
    QString m_checkCode;
    QString m_challengeId;
    EndReason m_endReason = EndReason::None;
    ApiError m_error;
    bool m_keepSignedIn = true;
    bool m_sharedComputer = false;
    QDeadlineTimer m_deadline; // when the server's request ends, for the countdown
    QTimer m_expiryTimer;      // the request's own end (expires_in), in case no word comes
    QTimer m_responseTimer;    // a request that gets no answer counts as lost connectivity
};

} // namespace moim
