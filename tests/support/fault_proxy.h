#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace moim::test {

// An HTTP-aware proxy in front of the real server that answers some message sends badly, on a
// fixed schedule, the way broken networks, overloaded servers and captive portals do. Everything
// else passes through untouched, the event stream's WebSocket included (once upgraded, bytes are
// piped both ways).
//
// Every plain HTTP request is forwarded with `Connection: close`, so one client connection
// carries exactly one request: the proxy never has to find where an answer ends to slip its own
// answer in between two of the server's.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    enum class Fault
    {
        None,
        ServerErrorHtml,     // 500 with an HTML page, not forwarded
        NoContent,           // 204 without a body, not forwarded
        EmptyOk,             // 200 with an empty body, not forwarded
        EmptyObject,         // 200 with `{}`, not forwarded
        CaptivePortal,       // 200 with an HTML login page, not forwarded
        RateLimited,         // 429 with retry_after 1, not forwarded
        Stall,               // no answer at all, the connection kept open (stallDuration)
        CommittedThenClosed, // forwarded; the server's answer swallowed, the connection closed
        CommittedThen500,    // forwarded; the server's answer replaced by a 500
    };
    Q_ENUM(Fault)

    explicit FaultProxy(QUrl upstream, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    QUrl url() const;

    // Every `every`-th send attempt, counted from `offset` (the seed), gets the next fault of
    // `cycle`; an empty cycle or `every` 0 passes everything through.
    void setSchedule(int every, int offset, QList<Fault> cycle);
    void setStallDuration(int milliseconds) { m_stallMs = milliseconds; }

    // Every plain HTTP request seen, as "METHOD /path?query", in order.
    QList<QByteArray> requests() const { return m_requests; }
    // Sends seen (POST to a conversation's messages), including the client's retries.
    int sendAttempts() const { return m_sendAttempts; }
    // Sends that reached the server (with their answer passed on or not).
    int forwardedSends() const { return m_forwardedSends; }
    int injected(Fault fault) const { return m_injected.value(fault); }
    int injectedTotal() const;
    QMap<Fault, int> injectedByKind() const { return m_injected; }
    // Sends whose answer has not been given (or denied) yet.
    int sendsInFlight() const { return m_sendsInFlight; }
    // Milliseconds on this proxy's clock; -1 when nothing of the kind happened yet.
    qint64 now() const { return m_clock.elapsed(); }
    qint64 lastFaultEnded() const { return m_lastFaultEnded; }
    qint64 lastSendActivity() const { return m_lastSendActivity; }

    static QString name(Fault fault);

private:
    class Link;
    friend class Link;

    void onNewConnection();
    Fault nextFault();
    void faultEnded();
    void sendEnded();

    QUrl m_upstream;
    QTcpServer m_server;
    QElapsedTimer m_clock;
    int m_every = 0;
    int m_offset = 0;
    QList<Fault> m_cycle;
    int m_nextInCycle = 0;
    int m_stallMs = 20000;
    QList<QByteArray> m_requests;
    int m_sendAttempts = 0;
    int m_forwardedSends = 0;
    int m_sendsInFlight = 0;
    qint64 m_lastFaultEnded = -1;
    qint64 m_lastSendActivity = -1;
    QMap<Fault, int> m_injected;
};

} // namespace moim::test
