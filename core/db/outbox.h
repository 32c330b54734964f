#pragma once

#include "domain/timelineentry.h"
#include "localsqlitefile.h"
#include "storeerror.h"

#include <QObject>

namespace cp {

class ServerAddress;

// An entry written while the team server could not be reached, waiting to be sent.
struct PendingEntry
{
    qint64 seq = 0;  // the order it was written in
    NewEntry entry;  // with its client id, occurred and captured times set
    QString refused; // why the server refused it when it was sent; empty while it waits
};

// A team client's durable outbox: the timeline entries written while the server is out of reach,
// in a private SQLite file of this user's (0600, synchronous = FULL: add() returns only once the
// entry is on disk, so the entry line may be cleared). Each entry carries the id its client made
// for it (a UUID), which the server keeps unique, so an entry sent twice (a reply lost, a crash
// between the server's commit and remove()) is still logged once. One file per server and login.
class Outbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Outbox)

public:
    explicit Outbox(QObject *parent = nullptr);
    ~Outbox() override;

    // <data dir>/outbox/<user@host:port/dbname made safe>.sqlite
    static QString pathFor(const ServerAddress &address);

    StoreError open(const QString &path);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.path(); }

    // Keeps 'entry' (its clientId, occurredAt and capturedAt must be set); durable on return.
    StoreError add(const NewEntry &entry);
    // Oldest first; incidentId 0: every incident's. Refused entries stay, with their reason.
    Result<QList<PendingEntry>> entries(qint64 incidentId = 0) const;
    // How many wait to be sent (refused ones not counted).
    Result<qint64> waiting() const;
    // The entry reached the server: it goes.
    StoreError remove(const QString &clientId);
    // The server refused the entry (not a lost link: its rules): it stays, marked, not sent again.
    StoreError markRefused(const QString &clientId, const QString &reason);

signals:
    void changed(qint64 incidentId);

private:
    LocalSqliteFile m_file;
};

} // namespace cp
