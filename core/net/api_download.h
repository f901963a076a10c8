#pragma once

#include "net/api_error.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>

class QFile;

namespace moim {

class AuthorizedApi;

// One body coming down from the server straight into a file, piece by piece as it arrives (never
// whole in memory), made by AuthorizedApi::download(). A target that already holds bytes (the
// `.part` of an earlier try) is continued from its end with a Range; when the server sends the
// whole body instead (200), the target is written again from the start.
//
// It carries the account's token like any call, and when the token turns out expired it waits
// for the one refresh that every call shares and starts again, once. There is no overall
// deadline, since a big file that keeps flowing takes as long as it takes; the API client's idle
// timeout ends one that stops.
class ApiDownload : public QObject
{
    Q_OBJECT

public:
    ~ApiDownload() override;

    QString path() const { return m_path; }
    // Bytes in the target so far, and the whole body's size (-1 until the server said it).
    qint64 received() const { return m_received; }
    qint64 total() const { return m_total; }
    bool isFinished() const { return m_finished; }

    // Stops it: the connection is dropped and nothing more is emitted. The target keeps what
    // arrived; removing it is the caller's choice.
    void cancel();

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    // Once, at the end: `error` is None when the whole body is in the target (flushed). A write to
    // the target that fails ends it with Code::LocalFile.
    void finished(const moim::ApiError &error);

private:
    friend class AuthorizedApi;
    ApiDownload(AuthorizedApi *api, QString path, QFile *target, QObject *parent);

    void start();
    void fail(const ApiError &error);
    void onHeaders();
    void onReadyRead();
    void onFinished();
    void finish(const ApiError &error);
    void dropReply();

    QPointer<AuthorizedApi> m_api;
    QString m_path;
    QPointer<QFile> m_target;
    QPointer<QNetworkReply> m_reply; // owned by the API client's network access
    QString m_usedToken;
    qint64 m_offset = 0; // where this try's body starts in the target
    qint64 m_received = 0;
    qint64 m_total = -1;
    int m_status = 0;
    bool m_bodyAccepted = false; // a 200 or a matching 206: its bytes go to the target
    ApiError m_refusal;          // set when the answer could not be taken (bad range, write error)
    QByteArray m_errorBody;      // an error answer's JSON, kept small
    bool m_replayed = false;
    bool m_finished = false;
};

} // namespace moim
