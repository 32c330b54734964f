#pragma once

#include "storeerror.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace cp {

// The quick-entry text not yet logged, kept in a small file beside the database
// ("incidents.sqlite.draft", mode 0600) so that a crash, a kill -9 or a power cut loses at most
// the last keystrokes. Written whole each time through QSaveFile (temporary file, fsync, rename):
// after a crash the file holds the previous draft or the new one, never a torn mixture.
// See docs/decisions/0004-session-recovery-and-drafts.md.
class DraftStore final
{
    Q_DISABLE_COPY_MOVE(DraftStore)
public:
    struct Draft
    {
        qint64 incidentId = 0;
        QString text;
        QDateTime savedAtUtc;
    };

    explicit DraftStore(const QString &databasePath);

    static QString pathFor(const QString &databasePath);
    QString path() const { return m_path; }

    // The saved draft; nothing when there is none or the file is unreadable (never an error:
    // a damaged draft must not keep the console from starting).
    std::optional<Draft> load() const;
    // Saves the draft; an empty (or blank) text removes the file.
    StoreError save(const Draft &draft);
    StoreError clear();

private:
    QString m_path;
};

} // namespace cp
