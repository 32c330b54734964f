#include "incidentactions.h"

#include "db/incidentstore.h"
#include "dialogs/incidentdetailsdialog.h"
#include "dialogs/incidentswitcherdialog.h"
#include "dialogs/newincidentdialog.h"
#include "dialogs/resolvedialog.h"
#include "dialogs/statusreportdialog.h"
#include "domain/roletemplate.h"
#include "exportactions.h"
#include "models/incidentlistmodel.h"
#include "preferences.h"
#include "session/incidentsession.h"
#include "session/storewriter.h"
#include "undo/savestatus.h"
#include "undo/storecommands.h"
#include "widgets/deferredicon.h"
#include "widgets/kindstyle.h"

#include <QAction>
#include <QActionGroup>
#include <QHash>
#include <QInputDialog>
#include <QUndoGroup>
#include <QUndoStack>

namespace cp {

IncidentActions::IncidentActions(const Context &context, QWidget &window)
    : QObject(&window), m_context(context), m_window(window)
{
    m_newAction = new QAction(deferredIcon(QStringLiteral(":/icons/new-incident.svg")), QString(), this);
    m_newAction->setObjectName(QStringLiteral("newIncidentAction"));
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &IncidentActions::newIncident);

    m_switchAction = new QAction(deferredIcon(QStringLiteral(":/icons/switch-incident.svg")), QString(), this);
    m_switchAction->setObjectName(QStringLiteral("switchIncidentAction"));
    m_switchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_switchAction, &QAction::triggered, this, &IncidentActions::switchIncident);

    m_detailsAction = new QAction(QString(), this);
    m_detailsAction->setObjectName(QStringLiteral("editDetailsAction"));
    m_detailsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(m_detailsAction, &QAction::triggered, this, &IncidentActions::editDetails);

    m_statusReportAction = new QAction(QString(), this);
    m_statusReportAction->setObjectName(QStringLiteral("statusReportAction"));
    m_statusReportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    connect(m_statusReportAction, &QAction::triggered, this, &IncidentActions::composeStatusReport);

    m_severityActions = new QActionGroup(this);
    m_severityActions->setExclusive(true);
    for (Severity severity : IncidentVocabulary::allSeverities()) {
        auto *action = new QAction(KindStyle::swatch(KindStyle::severityColor(severity)), QString(), m_severityActions);
        action->setObjectName(QStringLiteral("severityAction%1").arg(static_cast<int>(severity)));
        action->setCheckable(true);
        action->setData(static_cast<int>(severity));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_0 + static_cast<int>(severity))));
        connect(action, &QAction::triggered, this, [this, severity] { setSeverity(severity); });
    }

    m_statusActions = new QActionGroup(this);
    m_statusActions->setExclusive(true);
    const QHash<IncidentStatus, Qt::Key> statusKeys{{IncidentStatus::Investigating, Qt::Key_I},
                                                    {IncidentStatus::Identified, Qt::Key_D},
                                                    {IncidentStatus::Monitoring, Qt::Key_M},
                                                    {IncidentStatus::Resolved, Qt::Key_R}};
    for (IncidentStatus status : IncidentVocabulary::allStatuses()) {
        auto *action = new QAction(KindStyle::swatch(KindStyle::statusColor(status)), QString(), m_statusActions);
        action->setObjectName(QStringLiteral("statusAction_%1").arg(IncidentVocabulary::statusKey(status)));
        action->setCheckable(true);
        action->setData(static_cast<int>(status));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | statusKeys.value(status)));
        connect(action, &QAction::triggered, this, [this, status] { setStatus(status); });
    }
}

IncidentActions::~IncidentActions() = default;

QList<QAction *> IncidentActions::severityActions() const
{
    return m_severityActions->actions();
}

QList<QAction *> IncidentActions::statusActions() const
{
    return m_statusActions->actions();
}

void IncidentActions::showIncident(const Incident *incident)
{
    m_incidentId = incident ? incident->id : 0;
    m_incident = incident ? *incident : Incident();
    for (QAction *action : m_severityActions->actions())
        action->setChecked(incident && action->data().toInt() == static_cast<int>(incident->severity));
    for (QAction *action : m_statusActions->actions())
        action->setChecked(incident && action->data().toInt() == static_cast<int>(incident->status));
    m_severityActions->setEnabled(incident);
    m_statusActions->setEnabled(incident);
    m_detailsAction->setEnabled(incident);
    m_statusReportAction->setEnabled(incident);
    m_switchAction->setEnabled(m_context.incidents.rowCount() > 0);
}

bool IncidentActions::runCommand(std::unique_ptr<StoreCommand> command)
{
    if (!m_session)
        return false;
    const StoreError error = m_session->run(std::move(command));
    emit refreshRequested(); // on failure the controls go back to what the database says
    return error.ok();
}

void IncidentActions::setSeverity(Severity severity)
{
    if (m_incidentId <= 0)
        return;
    if (severity == m_incident.severity) {
        emit refreshRequested();
        return;
    }
    const Severity before = m_incident.severity;
    const bool done = runCommand(std::make_unique<SetSeverityCommand>(
        m_context.store, &m_context.writer.saveStatus(), m_incidentId, severity, m_context.writer.author()));
    // Lowering the severity is one chord (Ctrl+Alt+n): say so, and how to take it back.
    if (done && severity > before)
        emit message(tr("Severity lowered from %1 to %2 — %3 undoes it")
                         .arg(IncidentVocabulary::severityKey(before), IncidentVocabulary::severityKey(severity),
                              QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                     15000);
}

void IncidentActions::setStatus(IncidentStatus status)
{
    if (m_incidentId <= 0)
        return;
    if (status == m_incident.status) {
        emit refreshRequested();
        return;
    }
    if (m_incident.isResolved()) {
        reopen(status);
        return;
    }
    if (status != IncidentStatus::Resolved) {
        runCommand(std::make_unique<SetStatusCommand>(m_context.store, &m_context.writer.saveStatus(), m_incidentId,
                                                      status, m_context.writer.author()));
        return;
    }
    emit refreshRequested(); // the controls show the status until the checklist resolves it
    if (!m_session)
        return;
    auto *dialog = new ResolveDialog(*m_session, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    ExportActions &exports = m_context.exports;
    connect(dialog, &ResolveDialog::postmortemRequested, &exports, [&exports] { exports.showPostmortem(); });
    connect(dialog, &ResolveDialog::resolved, this, [this] {
        // Its undo would rewrite a closed record: a resolve is taken back by reopening, with a reason.
        if (m_session)
            m_session->undoStack().clear();
        emit refreshRequested();
        m_context.exports.offerPostmortem(); // the owner, when the checklist left it acknowledged
    });
    dialog->open();
}

void IncidentActions::reopen(IncidentStatus status)
{
    emit refreshRequested();
    auto *ask = new QInputDialog(&m_window);
    ask->setObjectName(QStringLiteral("reopenDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Reopen the incident"));
    ask->setLabelText(tr("The incident is resolved. Why is it reopened (as %1)? The reason goes on the timeline.")
                          .arg(IncidentVocabulary::statusLabel(status)));
    ask->setOkButtonText(tr("&Reopen"));
    const qint64 incidentId = m_incidentId;
    connect(ask, &QInputDialog::textValueSelected, this, [this, incidentId, status](const QString &reason) {
        if (!m_session || m_session->incidentId() != incidentId)
            return;
        const QString author = m_session->author();
        m_session->write([&] { return m_context.store.resolution().reopen(incidentId, status, reason, author); });
        emit refreshRequested();
    });
    ask->open();
}

void IncidentActions::newIncident()
{
    auto *dialog = new NewIncidentDialog(m_context.writer, &m_window);
    m_context.roleTemplates.reload();
    dialog->setTemplates(m_context.roleTemplates.templates());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const qint64 created = dialog->createdIncidentId();
        emit openRequested(created);
        if (m_session && m_session->incidentId() == created)
            startDefaultTimers();
    });
    dialog->open();
}

// The cadences the practice asks for at the new incident's severity (status updates, callouts,
// hand-over), started once the window shows it.
void IncidentActions::startDefaultTimers()
{
    if (!m_session)
        return;
    const QString author = m_session->author();
    const TimerDefaultOverrides overrides = m_context.preferences.timerDefaultOverrides();
    m_session->write([&]() -> StoreError {
        auto incident = m_context.store.incidents().incident(m_session->incidentId());
        if (!incident)
            return incident.error();
        return m_context.store.timers()
            .startDefaults(incident->id, TimerDefaults::forSeverity(incident->severity, overrides), author)
            .error();
    });
}

void IncidentActions::switchIncident()
{
    auto *dialog = new IncidentSwitcherDialog(m_context.incidents, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &IncidentSwitcherDialog::incidentChosen, this, &IncidentActions::openRequested);
    dialog->open();
}

void IncidentActions::editDetails()
{
    if (m_incidentId <= 0)
        return;
    auto *dialog = new IncidentDetailsDialog(m_incident.title, m_incident.summary, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 incidentId = m_incidentId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, incidentId] {
        if (incidentId != m_incidentId)
            return;
        if (dialog->title() == m_incident.title && dialog->summary() == m_incident.summary)
            return;
        runCommand(std::make_unique<SetDetailsCommand>(m_context.store, &m_context.writer.saveStatus(), incidentId,
                                                       dialog->title(), dialog->summary(), m_context.writer.author()));
    });
    dialog->open();
}

void IncidentActions::composeStatusReport()
{
    if (!m_session)
        return;
    auto *dialog = new StatusReportDialog(*m_session, m_context.clock, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void IncidentActions::retranslateUi()
{
    m_newAction->setText(tr("&New incident…"));
    m_newAction->setToolTip(
        tr("Declare a new incident (%1)").arg(m_newAction->shortcut().toString(QKeySequence::NativeText)));
    m_switchAction->setText(tr("S&witch incident…"));
    m_switchAction->setToolTip(
        tr("Switch to another incident (%1)").arg(m_switchAction->shortcut().toString(QKeySequence::NativeText)));
    m_detailsAction->setText(tr("Edit &title and summary…"));
    m_statusReportAction->setText(tr("Compose a status &report…"));
    for (QAction *action : m_severityActions->actions())
        action->setText(IncidentVocabulary::severityLabel(static_cast<Severity>(action->data().toInt())));
    for (QAction *action : m_statusActions->actions())
        action->setText(IncidentVocabulary::statusLabel(static_cast<IncidentStatus>(action->data().toInt())));
}

} // namespace cp
