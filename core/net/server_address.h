#pragma once

#include <QUrl>

namespace moim {

// Where the server is, checked once: plain http is allowed only to loopback hosts, because a
// token sent in clear over a real network is a token given away.
class ServerAddress
{
public:
    static constexpr auto DefaultUrl = "http://127.0.0.1:8765";

    enum class Problem
    {
        None,
        Malformed,
        UnsupportedScheme,
        InsecureRemote
    };

    static ServerAddress parse(const QString &text);

    bool isValid() const { return m_problem == Problem::None; }
    Problem problem() const { return m_problem; }
    QUrl baseUrl() const { return m_url; }
    // The event stream's URL: ws:// or wss:// on the same origin.
    QUrl eventsUrl() const;
    // A WebSocket URL on the same origin (ws:// or wss://), e.g. the login channel.
    QUrl socketUrl(QLatin1StringView path) const;
    QUrl resolve(QLatin1StringView path) const;
    // A stable, file-name-safe identity for namespacing secrets and caches: "host_port".
    QString key() const;

    static bool isLoopbackHost(const QString &host);

private:
    QUrl m_url;
    Problem m_problem = Problem::Malformed;
};

} // namespace moim
