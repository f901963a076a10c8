#pragma once

#include <QNetworkProxy>
#include <QString>

namespace moim {

// How Moim reaches the server: the system's proxy settings (the default), no proxy, or a proxy
// the user names. Applied application-wide, so the API client and the event stream agree.
// Loopback addresses always go direct (Qt's rule), so the bundled mock server keeps working
// behind any proxy.
struct ProxySettings
{
    enum class Mode
    {
        System,
        None,
        Manual
    };
    enum class Type
    {
        Http,
        Socks5
    };
    enum class Problem
    {
        None,
        MissingHost,
        InvalidHost, // a URL, spaces or other characters no host name has
        InvalidPort
    };

    Mode mode = Mode::System;
    Type type = Type::Http;
    QString host;
    int port = 0;

    // Only a manual proxy can be wrong; the other modes have nothing to check.
    Problem problem() const;
    bool isValid() const { return problem() == Problem::None; }
    QNetworkProxy manualProxy() const;

    // Makes this the application's proxy for every connection opened from now on. An invalid
    // manual proxy is not applied (the previous choice stays).
    bool apply() const;

    static QString modeName(Mode mode);
    static Mode modeFromName(const QString &name);
    static QString typeName(Type type);
    static Type typeFromName(const QString &name);

    friend bool operator==(const ProxySettings &, const ProxySettings &) = default;
};

} // namespace moim
