#include "backupactions.h"

#include "db/incidentstore.h"
#include "domain/clock.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace cp {

BackupActions::BackupActions(IncidentStore &store, const Clock &clock, QWidget *window)
    : QObject(window), m_store(store), m_clock(clock), m_window(window), m_backup(new QAction(this)),
      m_restore(new QAction(this))
{
    m_backup->setObjectName(QStringLiteral("backupAction"));
    m_restore->setObjectName(QStringLiteral("restoreAction"));
    connect(m_backup, &QAction::triggered, this, &BackupActions::askBackup);
    connect(m_restore, &QAction::triggered, this, &BackupActions::askRestore);
    m_restore->setEnabled(!store.session().isReadOnly());
    retranslateUi();
    // A team server is backed up where it runs (pg_dump, the provider's snapshots), not by a client.
    if (store.session().isServer()) {
        for (QAction *action : {m_backup, m_restore}) {
            action->setEnabled(false);
            action->setStatusTip(tr("The team server keeps its own backups (pg_dump or the provider's snapshots)"));
        }
    }
}

void BackupActions::retranslateUi()
{
    m_backup->setText(tr("&Back up…"));
    m_backup->setStatusTip(tr("Save a consistent copy of the whole database while you keep working"));
    m_restore->setText(tr("&Restore…"));
    m_restore->setStatusTip(tr("Replace the database with a backup (a safety copy is kept)"));
}

void BackupActions::askBackup()
{
    auto *dialog = new QFileDialog(m_window, tr("Back up the database"));
    dialog->setObjectName(QStringLiteral("backupFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("CommandPost databases (*.sqlite);;All files (*)"));
    dialog->selectFile(DatabaseBackup::defaultBackupPath(m_store.session().path(), m_clock.nowUtc()));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { backupTo(path); });
    dialog->open();
}

Result<DatabaseBackup::Info> BackupActions::backupTo(const QString &path)
{
    auto made = DatabaseBackup::backup(m_store.session().path(), path);
    auto *box = new QMessageBox(m_window);
    box->setObjectName(QStringLiteral("backupResult"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (made) {
        box->setIcon(QMessageBox::Information);
        box->setWindowTitle(tr("Backup made"));
        box->setText(tr("Backed up %n incident(s) and %1 entries to %2.", nullptr, int(made->incidents))
                         .arg(made->entries)
                         .arg(QDir::toNativeSeparators(made->path)));
        box->setInformativeText(tr("The copy was checked and is readable by you only."));
    } else {
        box->setIcon(QMessageBox::Warning);
        box->setWindowTitle(tr("No backup made"));
        box->setText(made.error().message());
    }
    box->open();
    return made;
}

void BackupActions::askRestore()
{
    auto *dialog = new QFileDialog(m_window, tr("Restore from a backup"));
    dialog->setObjectName(QStringLiteral("restoreFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setDirectory(QFileInfo(m_store.session().path()).absolutePath());
    dialog->setNameFilter(tr("CommandPost databases (*.sqlite);;All files (*)"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        auto checked = DatabaseBackup::verify(path);
        if (!checked) {
            QMessageBox::warning(m_window, tr("Not a usable backup"), checked.error().message());
            return;
        }
        confirmRestore(path, *checked);
    });
    dialog->open();
}

void BackupActions::confirmRestore(const QString &path, const DatabaseBackup::Info &info)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Restore from a backup"),
                                tr("Replace everything in this database with the backup %1 (%n incident(s), %2 "
                                   "entries)?",
                                   nullptr, int(info.incidents))
                                    .arg(QDir::toNativeSeparators(path))
                                    .arg(info.entries),
                                QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("restoreConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("The current content is saved beside the database first. CommandPost restarts "
                               "afterwards."));
    QPushButton *restore = box->addButton(tr("Restore and restart"), QMessageBox::DestructiveRole);
    connect(box, &QMessageBox::buttonClicked, this, [this, restore, path](QAbstractButton *button) {
        if (button == restore)
            restoreFrom(path);
    });
    box->open();
}

Result<DatabaseBackup::Info> BackupActions::restoreFrom(const QString &path)
{
    QString safety = DatabaseBackup::defaultBackupPath(m_store.session().path(), m_clock.nowUtc());
    safety.replace(QStringLiteral("-backup-"), QStringLiteral("-before-restore-"));
    auto restoredInfo = DatabaseBackup::restore(path, m_store.session().path(), safety);
    if (!restoredInfo) {
        QMessageBox::warning(m_window, tr("Not restored"), restoredInfo.error().message());
        return restoredInfo;
    }
    // Every model holds the old content: start afresh on the restored file.
    m_restartPending = true;
    emit restored();
    m_window->close();
    return restoredInfo;
}

} // namespace cp
