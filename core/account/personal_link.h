#pragma once

#include "net/api_error.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

namespace moim {

class Account;
class AuthorizedApi;
struct ApiResult;

// The account's link to a personal account (docs/protocol.md "Linking a personal account"), as
// a small state machine. Linking sends a request to the phone signed in to the personal
// account and shows a 2-digit number; only the phone's approval with that number makes the
// link, which reaches this object by push on the account's event stream. Unlinking is one
// call. Every link and unlink is mailed to the work address by the server. The UI renders the
// state (and lastOutcome() after an attempt) and forwards input.
class PersonalLink : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Unknown, // not fetched yet
        Loading, // fetching the current link
        NotLinked,
        Requesting,      // asking the server to send the request
        WaitingForPhone, // checkCode() is the number to show
        Linked,          // linkedId() and friends describe it
        Unlinking
    };
    Q_ENUM(State)

    // How the last attempt (link, unlink or fetch) ended, for the UI to say.
    enum class Outcome
    {
        None,
        Linked,
        Unlinked,
        Denied,
        Reported,
        WrongCode,
        Expired,
        AlreadyLinked, // the personal account belongs to another work account
        Cancelled,
        Failed // error() says why
    };
    Q_ENUM(Outcome)

    PersonalLink(AuthorizedApi *api, Account *account, QObject *parent = nullptr);

    State state() const { return m_state; }
    Outcome lastOutcome() const { return m_outcome; }
    ApiError error() const { return m_error; }
    QString linkedId() const { return m_linkedId; }
    QString linkedName() const { return m_linkedName; }
    qint64 linkedAt() const { return m_linkedAt; }
    // While Requesting or WaitingForPhone: the personal account asked, and the number.
    QString requestedId() const { return m_requestedId; }
    QString checkCode() const { return m_checkCode; }
    int msUntilExpiry() const;

    void refresh();
    void start(const QString &personalAccount);
    void cancel();
    void unlink();

Q_SIGNALS:
    void stateChanged(moim::PersonalLink::State state);

private:
    void setState(State state);
    // Ends an attempt: back to the link state the account has, saying how it went.
    void conclude(Outcome outcome, ApiError error = {});
    void applyLink(const QJsonValue &personalAccount);
    void onEvent(const QString &type, const QJsonObject &event);

    AuthorizedApi *m_api;
    Account *m_account;
    State m_state = State::Unknown;
    Outcome m_outcome = Outcome::None;
    ApiError m_error;
    QString m_linkedId;
    QString m_linkedName;
    qint64 m_linkedAt = 0;
    QString m_requestedId;
    QString m_linkRequest;
    QString m_checkCode;
    QDeadlineTimer m_deadline; // when the server's request ends, for the countdown
    QTimer m_expiryTimer;      // the request's own end, in case the event stream was down
};

} // namespace moim
