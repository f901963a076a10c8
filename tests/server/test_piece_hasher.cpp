// PieceHasher: pieces hashed on its own thread make the SHA-256 of the whole (checked against
// QCryptographicHash), also when many are queued faster than they are hashed; a piece that does
// not follow, or a first piece unseen (a restart), leaves the hash unknown; a new first piece
// starts again; take() forgets; a whole file hashes the same way.
#include "piece_hasher.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace moim::server;
using namespace Qt::StringLiterals;

namespace {

QByteArray noise(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    return bytes;
}

QString expectedHash(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestPieceHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void piecesMakeTheHashOfTheWhole()
    {
        // 40 pieces of 1 MiB queued at once pass the queue's bound: add() waits, nothing is lost.
        const QByteArray whole = noise(40 * 1024 * 1024 + 123, 1);
        PieceHasher hasher;
        const qsizetype piece = 1024 * 1024;
        for (qsizetype at = 0; at < whole.size(); at += piece)
            hasher.add(u"up1"_s, at, whole.mid(at, piece));
        QCOMPARE(hasher.take(u"up1"_s, whole.size()), expectedHash(whole));
        // Taken means forgotten.
        QCOMPARE(hasher.take(u"up1"_s, whole.size()), QString());
    }

    void uploadsAreKeptApart()
    {
        const QByteArray first = noise(3000, 2);
        const QByteArray second = noise(5000, 3);
        PieceHasher hasher;
        hasher.add(u"a"_s, 0, first.left(1000));
        hasher.add(u"b"_s, 0, second.left(2500));
        hasher.add(u"a"_s, 1000, first.mid(1000));
        hasher.add(u"b"_s, 2500, second.mid(2500));
        QCOMPARE(hasher.take(u"b"_s, second.size()), expectedHash(second));
        QCOMPARE(hasher.take(u"a"_s, first.size()), expectedHash(first));
    }

    void aGapOrAnUnseenStartLeavesItUnknown()
    {
        const QByteArray whole = noise(3000, 4);
        PieceHasher hasher;
        hasher.add(u"gap"_s, 0, whole.left(1000));
        hasher.add(u"gap"_s, 2000, whole.mid(2000)); // 1000…2000 never came
        QCOMPARE(hasher.take(u"gap"_s, whole.size()), QString());

        // After a restart the first pieces were not seen here.
        hasher.add(u"restarted"_s, 1000, whole.mid(1000));
        QCOMPARE(hasher.take(u"restarted"_s, whole.size()), QString());

        // Fewer bytes than the size asked for.
        hasher.add(u"short"_s, 0, whole.left(1000));
        QCOMPARE(hasher.take(u"short"_s, whole.size()), QString());
    }

    void aNewFirstPieceStartsAgain()
    {
        // A checksum mismatch sends the client back to 0: what was hashed before is dropped.
        const QByteArray wrong = noise(2000, 5);
        const QByteArray right = noise(2000, 6);
        PieceHasher hasher;
        hasher.add(u"again"_s, 0, wrong.left(1000));
        hasher.add(u"again"_s, 1000, wrong.mid(1000));
        hasher.add(u"again"_s, 0, right.left(1500));
        hasher.add(u"again"_s, 1500, right.mid(1500));
        QCOMPARE(hasher.take(u"again"_s, right.size()), expectedHash(right));
    }

    void forgottenWhileQueued()
    {
        const QByteArray whole = noise(8 * 1024 * 1024, 7);
        PieceHasher hasher;
        hasher.add(u"gone"_s, 0, whole);
        hasher.forget(u"gone"_s);
        QCOMPARE(hasher.take(u"gone"_s, whole.size()), QString());
        // A hasher destroyed with pieces still queued finishes them first (no crash, no leak).
        auto *busy = new PieceHasher;
        busy->add(u"left"_s, 0, whole);
        delete busy;
    }

    void aWholeDevice()
    {
        QByteArray bytes = noise(3 * 1024 * 1024 + 17, 8);
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QVERIFY(buffer.seek(100)); // read from its start whatever the position
        QCOMPARE(PieceHasher::hashOf(&buffer), expectedHash(bytes));
        QBuffer closed;
        QCOMPARE(PieceHasher::hashOf(&closed), QString());
    }
};

QTEST_GUILESS_MAIN(TestPieceHasher)
#include "test_piece_hasher.moc"
