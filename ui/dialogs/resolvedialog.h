#pragma once

#include "domain/resolvechecklist.h"

#include <QDialog>
#include <QHash>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cp {

class IncidentSession;
class IncidentStore;

// The resolve checklist: what is still open on the incident (open and unowned actions, halted
// activities, roll-call misses, messages due or in review, the postmortem's owner). Each row is
// settled from here (done, restarted, dismissed, an owner named) or acknowledged with a reason;
// Resolve is enabled once every row has one, and resolves in one store command that puts each
// acknowledgement on the timeline, closes open roll calls and stops the timers.
class ResolveDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResolveDialog)

public:
    ResolveDialog(IncidentSession &session, QWidget *parent = nullptr);

    QList<ResolveBlocker> blockers() const { return m_blockers; }
    // Resolves with the reasons typed; false (the reason shown in the dialog) when refused.
    bool resolve();

signals:
    void postmortemRequested(); // "Name the owner…": the window opens the postmortem dialog
    void resolved();

private:
    void refresh();
    void settle(const ResolveBlocker &blocker);
    void updateResolveButton();
    QString reasonFor(const QString &key) const;
    static QString settleLabel(ResolveBlockerKind kind); // empty: only an acknowledgement settles it

    IncidentSession &m_session;
    IncidentStore &m_store;
    qint64 m_incidentId;
    QList<ResolveBlocker> m_blockers;
    QHash<QString, QString> m_typed; // reasons typed so far, kept across refreshes
    QLabel *m_summary;
    QWidget *m_rows;
    QGridLayout *m_grid;
    QLineEdit *m_allReason;
    QLabel *m_status;
    QPushButton *m_resolve;
};

} // namespace cp
