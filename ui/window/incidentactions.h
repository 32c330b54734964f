#pragma once

#include "domain/incident.h"

#include <QObject>

#include <memory>

class QAction;
class QActionGroup;
class QWidget;

namespace cp {

class Clock;
class ExportActions;
class IncidentListModel;
class IncidentSession;
class IncidentStore;
class Preferences;
class RoleTemplateLibrary;
class StoreWriter;
class StoreCommand;

// What the window does to incidents as a whole: declare (Ctrl+N), switch (Ctrl+K), edit the
// title and summary, set the severity (Ctrl+Alt+n) and the status (Ctrl+Shift+I/D/M/R, Resolved
// through the resolve checklist, leaving it by a reasoned reopen), compose the status report
// (Ctrl+U). Each write goes through the current incident's session.
class IncidentActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentActions)

public:
    struct Context
    {
        IncidentStore &store;
        const Clock &clock;
        Preferences &preferences;
        const StoreWriter &writer;
        IncidentListModel &incidents;
        RoleTemplateLibrary &roleTemplates;
        ExportActions &exports;
    };

    IncidentActions(const Context &context, QWidget &window);
    ~IncidentActions() override;

    // The incident shown (null: none): what the actions apply to and which of them are checked.
    void showIncident(const Incident *incident);
    // The incident written to; null: none.
    void setSession(IncidentSession *session) { m_session = session; }

    void newIncident();
    void switchIncident();
    void editDetails();
    void setSeverity(Severity severity);
    // Resolved opens the resolve checklist; leaving Resolved asks for the reason to reopen.
    void setStatus(IncidentStatus status);
    void composeStatusReport();

    QAction *newAction() const { return m_newAction; }
    QAction *switchAction() const { return m_switchAction; }
    QAction *detailsAction() const { return m_detailsAction; }
    QAction *statusReportAction() const { return m_statusReportAction; }
    QList<QAction *> severityActions() const;
    QList<QAction *> statusActions() const;

    void retranslateUi();

signals:
    // An incident was declared or picked: the window shows it, with the entry line focused.
    void openRequested(qint64 incidentId);
    // A write failed or the user backed out: the controls go back to what the database says.
    void refreshRequested();
    void message(const QString &text, int timeoutMs);

private:
    void reopen(IncidentStatus status);
    bool runCommand(std::unique_ptr<StoreCommand> command);
    void startDefaultTimers();

    Context m_context;
    QWidget &m_window;
    IncidentSession *m_session = nullptr;
    qint64 m_incidentId = 0;
    Incident m_incident;
    QAction *m_newAction;
    QAction *m_switchAction;
    QAction *m_detailsAction;
    QAction *m_statusReportAction;
    QActionGroup *m_severityActions;
    QActionGroup *m_statusActions;
};

} // namespace cp
