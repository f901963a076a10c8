#include "fault_proxy.h"

#include <QMetaEnum>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

namespace moim::test {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxHead = 64 * 1024;

QByteArray answer(int status, const QByteArray &reason, const QByteArray &type,
                  const QByteArray &body, const QByteArray &extraHeaders = {})
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    if (!type.isEmpty())
        bytes += "Content-Type: " + type + "\r\n";
    if (status != 204)
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += extraHeaders;
    bytes += "Connection: close\r\n\r\n";
    return bytes + body;
}

QByteArray serverErrorPage()
{
    return answer(500, "Internal Server Error", "text/html; charset=utf-8",
                  "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
                  "<body><h1>Internal Server Error</h1><p>The server encountered an internal "
                  "error.</p></body></html>");
}

QByteArray cannedAnswer(FaultProxy::Fault fault)
{
    using Fault = FaultProxy::Fault;
    switch (fault) {
    case Fault::ServerErrorHtml:
    case Fault::CommittedThen500:
        return serverErrorPage();
    case Fault::NoContent:
        return answer(204, "No Content", {}, {});
    case Fault::EmptyOk:
        return answer(200, "OK", "application/json", {});
    case Fault::EmptyObject:
        return answer(200, "OK", "application/json", "{}");
    case Fault::CaptivePortal:
        return answer(200, "OK", "text/html; charset=utf-8",
                      "<!DOCTYPE html><html><head><title>Hotel Wi-Fi</title></head><body>"
                      "<form method=\"post\" action=\"/login\"><p>Accept the terms to continue."
                      "</p><button>Connect</button></form></body></html>");
    case Fault::RateLimited:
        return answer(429, "Too Many Requests", "application/json",
                      R"({"error":{"code":"rate_limited","message":"slow down","retry_after":1}})",
                      "Retry-After: 1\r\n");
    case Fault::None:
    case Fault::Stall:
    case Fault::CommittedThenClosed:
        break;
    }
    return {};
}

struct Head
{
    QByteArray method;
    QByteArray target;
    QList<QByteArray> lines; // header lines, without the request line
    qint64 contentLength = 0;
    bool upgrade = false;
    qsizetype size = 0; // with the blank line
};

// The head of a request, once it is complete.
std::optional<Head> parseHead(const QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    Head head;
    head.size = end + 4;
    QList<QByteArray> lines = buffer.left(end).split('\n');
    for (QByteArray &line : lines)
        line = line.trimmed();
    const QList<QByteArray> requestLine = lines.takeFirst().split(' ');
    head.method = requestLine.value(0);
    head.target = requestLine.value(1);
    head.lines = lines;
    for (const QByteArray &line : std::as_const(lines)) {
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            head.contentLength = value.toLongLong();
        else if (name == "upgrade")
            head.upgrade = value.toLower().contains("websocket");
    }
    return head;
}

// Whether `bytes` hold a whole answer (as far as its head tells).
bool answerComplete(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const int status = bytes.mid(9, 3).toInt();
    if (status == 204 || status == 304)
        return true;
    for (const QByteArray &line : bytes.left(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (line.left(colon).trimmed().toLower() == "content-length")
            return bytes.size() >= end + 4 + line.mid(colon + 1).trimmed().toLongLong();
    }
    return false; // ends when the server closes
}

bool isSend(const Head &head)
{
    static const QRegularExpression messages(u"^/api/v1/conversations/[^/?]+/messages(\\?.*)?$"_s);
    return head.method == "POST" && messages.match(QString::fromLatin1(head.target)).hasMatch();
}

} // namespace

// One client connection: one request, forwarded, answered by the proxy, or held.
class FaultProxy::Link : public QObject
{
public:
    Link(FaultProxy *proxy, QTcpSocket *client)
        : QObject(proxy)
        , m_proxy(proxy)
        , m_client(client)
    {
        m_client->setParent(this);
        connect(m_client, &QTcpSocket::readyRead, this, &Link::onClientData);
        connect(m_client, &QTcpSocket::disconnected, this, &Link::onClientGone);
    }

    ~Link() override
    {
        // Silenced first: their handlers refer to this link.
        for (QTcpSocket *socket : {m_client, m_upstream}) {
            if (socket)
                socket->disconnect();
        }
    }

private:
    enum class Stage
    {
        ReadingRequest,
        Forwarding,
        Piping, // an upgraded connection
        Answered,
    };

    void onClientData()
    {
        const QByteArray bytes = m_client->readAll();
        if (m_stage == Stage::Piping) {
            if (m_upstream->state() == QAbstractSocket::ConnectedState)
                m_upstream->write(bytes);
            else
                m_toUpstream += bytes;
            return;
        }
        if (m_stage != Stage::ReadingRequest)
            return; // a client talking after its one request gets nothing more here
        m_buffer += bytes;
        const auto head = parseHead(m_buffer);
        if (!head) {
            if (m_buffer.size() > MaxHead)
                m_client->disconnectFromHost();
            return;
        }
        if (m_buffer.size() < head->size + head->contentLength)
            return;
        handle(*head);
    }

    void handle(const Head &head)
    {
        if (head.upgrade) {
            m_stage = Stage::Piping;
            connectUpstream(m_buffer);
            return;
        }
        m_proxy->m_requests.append(head.method + ' ' + head.target);
        m_isSend = isSend(head);
        if (m_isSend) {
            m_sendOpen = true;
            ++m_proxy->m_sendAttempts;
            ++m_proxy->m_sendsInFlight;
            m_proxy->m_lastSendActivity = m_proxy->now();
            m_fault = m_proxy->nextFault();
        }
        m_faultOpen = m_fault != Fault::None;
        QByteArray request;
        switch (m_fault) {
        case Fault::None:
        case Fault::CommittedThenClosed:
        case Fault::CommittedThen500:
            // One request per connection: the server closes after its answer.
            for (const QByteArray &line : head.lines) {
                const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
                if (name != "connection" && name != "keep-alive")
                    request += line + "\r\n";
            }
            request = head.method + ' ' + head.target + " HTTP/1.1\r\n" + request +
                      "Connection: close\r\n\r\n" + m_buffer.mid(head.size, head.contentLength);
            m_stage = Stage::Forwarding;
            if (m_isSend)
                ++m_proxy->m_forwardedSends;
            connectUpstream(request);
            return;
        case Fault::Stall:
            m_stage = Stage::Answered;
            m_stallTimer = new QTimer(this);
            m_stallTimer->setSingleShot(true);
            connect(m_stallTimer, &QTimer::timeout, this,
                    [this] { m_client->disconnectFromHost(); });
            m_stallTimer->start(m_proxy->m_stallMs);
            return;
        default:
            m_stage = Stage::Answered;
            m_client->write(cannedAnswer(m_fault));
            endFault();
            m_client->disconnectFromHost();
            return;
        }
    }

    bool swallowing() const
    {
        return m_fault == Fault::CommittedThenClosed || m_fault == Fault::CommittedThen500;
    }

    void connectUpstream(const QByteArray &first)
    {
        m_toUpstream = first;
        m_upstream = new QTcpSocket(this);
        connect(m_upstream, &QTcpSocket::connected, this, [this] {
            m_upstream->write(m_toUpstream);
            m_toUpstream.clear();
        });
        connect(m_upstream, &QTcpSocket::readyRead, this, &Link::onUpstreamData);
        connect(m_upstream, &QTcpSocket::disconnected, this, &Link::onUpstreamGone);
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this] {
            // Refused or reset: the client sees its connection end, as without a proxy.
            if (m_upstream->state() == QAbstractSocket::UnconnectedState)
                onUpstreamGone();
        });
        m_upstream->connectToHost(m_proxy->m_upstream.host(), quint16(m_proxy->m_upstream.port()));
    }

    void onUpstreamData()
    {
        if (!swallowing()) {
            m_client->write(m_upstream->readAll());
            return;
        }
        m_swallowed += m_upstream->readAll();
        if (answerComplete(m_swallowed))
            concludeSwallowed();
    }

    void onUpstreamGone()
    {
        if (m_upstreamGone)
            return;
        m_upstreamGone = true;
        if (swallowing() && m_stage != Stage::Answered) {
            concludeSwallowed();
            return;
        }
        m_client->disconnectFromHost();
    }

    // The server has the message (its answer came): the client hears nothing, or a 500.
    void concludeSwallowed()
    {
        m_stage = Stage::Answered;
        if (m_fault == Fault::CommittedThen500)
            m_client->write(cannedAnswer(m_fault));
        endFault();
        m_client->disconnectFromHost();
        m_upstream->abort();
    }

    void endFault()
    {
        if (!m_faultOpen)
            return;
        m_faultOpen = false;
        m_proxy->faultEnded();
    }

    void onClientGone()
    {
        if (m_stallTimer)
            m_stallTimer->stop();
        endFault();
        if (m_sendOpen) {
            m_sendOpen = false;
            m_proxy->sendEnded();
        }
        if (m_upstream && m_upstream->state() != QAbstractSocket::UnconnectedState)
            m_upstream->disconnectFromHost();
        deleteLater();
    }

    FaultProxy *m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream = nullptr;
    QTimer *m_stallTimer = nullptr;
    QByteArray m_buffer;
    QByteArray m_toUpstream;
    QByteArray m_swallowed;
    Stage m_stage = Stage::ReadingRequest;
    Fault m_fault = Fault::None;
    bool m_isSend = false;
    bool m_sendOpen = false;
    bool m_faultOpen = false;
    bool m_upstreamGone = false;
};

FaultProxy::FaultProxy(QUrl upstream, QObject *parent)
    : QObject(parent)
    , m_upstream(std::move(upstream))
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    // Links go before the listening socket they were accepted from.
    const auto links = findChildren<Link *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(links);
}

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FaultProxy::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()));
}

void FaultProxy::setSchedule(int every, int offset, QList<Fault> cycle)
{
    m_every = every;
    m_offset = offset;
    m_cycle = std::move(cycle);
    m_nextInCycle = 0;
}

int FaultProxy::injectedTotal() const
{
    int total = 0;
    for (int count : m_injected)
        total += count;
    return total;
}

QString FaultProxy::name(Fault fault)
{
    return QString::fromLatin1(QMetaEnum::fromType<Fault>().valueToKey(int(fault)));
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection())
        new Link(this, client);
}

FaultProxy::Fault FaultProxy::nextFault()
{
    if (m_every <= 0 || m_cycle.isEmpty() || (m_sendAttempts + m_offset) % m_every != 0)
        return Fault::None;
    const Fault fault = m_cycle.at(m_nextInCycle++ % m_cycle.size());
    ++m_injected[fault];
    return fault;
}

void FaultProxy::faultEnded()
{
    m_lastFaultEnded = now();
    m_lastSendActivity = m_lastFaultEnded;
}

void FaultProxy::sendEnded()
{
    --m_sendsInFlight;
    m_lastSendActivity = now();
}

} // namespace moim::test
