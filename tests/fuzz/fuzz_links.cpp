// Links that reach Moim from outside: a deep link handed over by the desktop or pasted by the
// user, a QR sign-in payload decoded from an image, a --server address. Whatever the bytes, the
// parsers refuse with a reason or accept something that survives its own round trip.
#include "auth/qr_login_uri.h"
#include "net/server_address.h"
#include "onboarding/deep_link.h"

#include <cstdint>
#include <cstdlib>

using namespace moim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    DeepLink::Problem linkProblem = DeepLink::Problem::None;
    if (const auto link = DeepLink::parse(text, &linkProblem)) {
        const auto again = DeepLink::parse(link->toString());
        if (linkProblem != DeepLink::Problem::None || !again || again->kind != link->kind ||
            again->token != link->token)
            std::abort();
    } else if (linkProblem == DeepLink::Problem::None) {
        std::abort(); // a refusal always says why
    }

    QrLoginUri::Problem qrProblem = QrLoginUri::Problem::None;
    if (const auto qr = QrLoginUri::parse(text, &qrProblem)) {
        const auto again = QrLoginUri::parse(qr->toString());
        if (!again || again->session != qr->session || again->nonce != qr->nonce)
            std::abort();
    } else if (qrProblem == QrLoginUri::Problem::None) {
        std::abort();
    }

    const ServerAddress address = ServerAddress::parse(text);
    if (address.isValid()) {
        // Plain http only to loopback, whatever the text tried.
        const QUrl base = address.baseUrl();
        if (base.scheme() == QLatin1StringView("http") &&
            !ServerAddress::isLoopbackHost(base.host()))
            std::abort();
        if (address.key().isEmpty())
            std::abort();
    }
    return 0;
}
