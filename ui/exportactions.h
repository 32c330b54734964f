#pragma once

#include "db/storeerror.h"
#include "render/incidentexport.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QPagedPaintDevice;
class QWidget;

namespace cp {

class Clock;
class IncidentStore;
class StoreWriter;
class Preferences;
class PostmortemDialog;

// File ▸ Export (one action per format), File ▸ Print… and Incident ▸ Postmortem…: the
// current incident leaves the window through IncidentExport, the same code as
// 'commandpost-cli export'. After a resolve the postmortem dialog asks for the owner.
class ExportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportActions)

public:
    ExportActions(const StoreWriter &writer, const Clock &clock, Preferences &preferences, QWidget *window);

    QMenu *exportMenu() const { return m_exportMenu; }
    QAction *exportAction(IncidentExport::Format format) const { return m_exports.value(format); }
    QAction *printAction() const { return m_print; }
    QAction *postmortemAction() const { return m_postmortem; }

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }

    // The dialogs' work, callable from tests. Errors are shown in the window's status (returned).
    StoreError exportTo(IncidentExport::Format format, const QString &path) const;
    int printTo(QPagedPaintDevice &device) const; // pages printed
    // Opens (or raises) the postmortem dialog of the current incident, non-modal.
    PostmortemDialog *showPostmortem();
    // After a resolve: the dialog opens when the incident has no postmortem owner yet.
    void offerPostmortem();

    void askExport(IncidentExport::Format format);
    void askPrint();
    void retranslateUi();

private:
    const StoreWriter &m_writer;
    IncidentStore &m_store;
    const Clock &m_clock;
    Preferences &m_preferences;
    QWidget *m_window;
    qint64 m_incidentId = 0;
    QMenu *m_exportMenu;
    QHash<IncidentExport::Format, QAction *> m_exports;
    QAction *m_print;
    QAction *m_postmortem;
    QPointer<PostmortemDialog> m_dialog;
};

} // namespace cp
