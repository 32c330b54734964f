#pragma once

#include "db/databasebackup.h"

#include <QObject>

class QAction;
class QWidget;

namespace cp {

class Clock;
class IncidentStore;
class SaveStatus;

// File ▸ Back up… and File ▸ Restore…: DatabaseBackup behind two actions. A restore replaces
// the whole database, so the window asks first, keeps a safety copy, and restarts afterwards
// (restartPending(); app/gui/main.cpp starts the new process once this one let go of the lock).
class BackupActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupActions)

public:
    BackupActions(IncidentStore &store, const Clock &clock, QWidget *window);

    QAction *backupAction() const { return m_backup; }
    QAction *restoreAction() const { return m_restore; }

    // The dialogs' work, callable from tests. Errors are shown in a message box and returned.
    Result<DatabaseBackup::Info> backupTo(const QString &path);
    Result<DatabaseBackup::Info> restoreFrom(const QString &path);
    bool restartPending() const { return m_restartPending; }

    void retranslateUi();

signals:
    void restored();

private:
    void askBackup();
    void askRestore();
    void confirmRestore(const QString &path, const DatabaseBackup::Info &info);

    IncidentStore &m_store;
    const Clock &m_clock;
    QWidget *m_window;
    QAction *m_backup;
    QAction *m_restore;
    bool m_restartPending = false;
};

} // namespace cp
