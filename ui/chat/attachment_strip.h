#pragma once

#include <QFrame>
#include <QImage>

class QHBoxLayout;
class QToolButton;

namespace moim::ui {

// A file attached in the composer, on its way to the server before the message is sent.
struct OutgoingFile
{
    enum class Stage
    {
        Uploading,
        Waiting, // for the network
        Done,
        Failed
    };
    QString key;
    QString name;
    qint64 size = 0;
    QString type;
    qint64 sent = 0;
    Stage stage = Stage::Uploading;
    QString error;    // words for the user, when Failed
    QImage thumbnail; // a local image's small copy; null for other files
};

// One attached file above the composer: thumbnail or type badge, name, size or how far its upload
// has come (with a thin progress bar), and × to take it off (which cancels its upload).
class AttachmentChip : public QWidget
{
    Q_OBJECT

public:
    explicit AttachmentChip(const OutgoingFile &file, QWidget *parent = nullptr);

    void setFile(const OutgoingFile &file);
    const OutgoingFile &file() const { return m_file; }
    QToolButton *removeButton() const { return m_remove; }
    // Name, kind, size and the upload's state, as a screen reader says it.
    QString accessibleText() const;
    QSize sizeHint() const override;

Q_SIGNALS:
    void removeRequested(const QString &key);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    OutgoingFile m_file;
    QToolButton *m_remove;
};

// The files attached to the message being written, in a row above the composer (hidden while
// there are none). Up to the most one message may carry.
class AttachmentStrip : public QFrame
{
    Q_OBJECT

public:
    explicit AttachmentStrip(QWidget *parent = nullptr);

    // Adds the file, or updates the one with its key.
    void setFile(const OutgoingFile &file);
    void removeFile(const QString &key);
    void clear();
    QList<OutgoingFile> files() const;
    bool isEmpty() const { return m_chips.isEmpty(); }
    AttachmentChip *chip(const QString &key) const;

Q_SIGNALS:
    // × on a chip (or Delete on a focused one): the file should go and its upload stop.
    void removeRequested(const QString &key);
    void filesChanged();

private:
    QHBoxLayout *m_row;
    QList<AttachmentChip *> m_chips;
};

} // namespace moim::ui
