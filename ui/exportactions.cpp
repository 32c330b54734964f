#include "exportactions.h"

#include "db/incidentstore.h"
#include "dialogs/postmortemdialog.h"
#include "domain/clock.h"
#include "exchange/incidentreport.h"
#include "preferences.h"
#include "render/reportpainter.h"
#include "session/storewriter.h"
#include "widgets/printing.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>

namespace cp {

ExportActions::ExportActions(const StoreWriter &writer, const Clock &clock, Preferences &preferences, QWidget *window)
    : QObject(window), m_writer(writer), m_store(writer.store()), m_clock(clock), m_preferences(preferences),
      m_window(window), m_exportMenu(new QMenu(window)), m_print(new QAction(this)), m_postmortem(new QAction(this))
{
    m_exportMenu->setObjectName(QStringLiteral("exportMenu"));
    for (IncidentExport::Format format : IncidentExport::all()) {
        auto *action = m_exportMenu->addAction(QString());
        action->setObjectName(QStringLiteral("export_%1").arg(IncidentExport::key(format)));
        connect(action, &QAction::triggered, this, [this, format] { askExport(format); });
        m_exports.insert(format, action);
        if (format == IncidentExport::Format::Json || format == IncidentExport::Format::CsvExcel)
            m_exportMenu->addSeparator();
    }
    m_print->setObjectName(QStringLiteral("printAction"));
    m_print->setShortcut(QKeySequence::Print);
    connect(m_print, &QAction::triggered, this, &ExportActions::askPrint);
    m_postmortem->setObjectName(QStringLiteral("postmortemAction"));
    m_postmortem->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
    connect(m_postmortem, &QAction::triggered, this, [this] { showPostmortem(); });
    setIncident(0);
    retranslateUi();
}

void ExportActions::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    const bool have = incidentId > 0;
    m_exportMenu->setEnabled(have);
    m_print->setEnabled(have);
    m_postmortem->setEnabled(have);
    if (m_dialog && m_dialog->incidentId() != incidentId)
        m_dialog->close();
}

StoreError ExportActions::exportTo(IncidentExport::Format format, const QString &path) const
{
    if (m_incidentId <= 0)
        return {StoreError::Code::NotFound, tr("No incident is open.")};
    return IncidentExport::writeFile(m_store, m_incidentId, format, path, m_clock.nowUtc());
}

int ExportActions::printTo(QPagedPaintDevice &device) const
{
    auto report = IncidentReport::build(m_store, m_incidentId, m_clock.nowUtc());
    if (!report)
        return 0;
    PagedDeviceTarget target(device);
    return ReportPainter::paint(ReportPainter::Form::Report, *report, target);
}

void ExportActions::askExport(IncidentExport::Format format)
{
    if (m_incidentId <= 0)
        return;
    QString title;
    if (auto incident = m_store.incidents().incident(m_incidentId))
        title = incident->title;
    QString base = title.left(60).simplified();
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
    if (IncidentExport::isPdf(format) && format != IncidentExport::Format::Pdf)
        base += QLatin1Char('-') + IncidentExport::key(format);
    const QString extension = IncidentExport::extension(format);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // Not modal to the whole app, like File ▸ Back up…: a test (or an accessibility tool) answers it.
    auto *dialog = new QFileDialog(m_window, tr("Export: %1").arg(IncidentExport::label(format)));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("%1 (*.%2)").arg(IncidentExport::label(format), extension));
    dialog->selectFile(
        QDir(folder).filePath(QStringLiteral("incident-%1-%2.%3").arg(m_incidentId).arg(base, extension)));
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) {
        if (StoreError error = exportTo(format, path); !error.ok()) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), error.message(), QMessageBox::Close,
                                        m_window);
            box->setObjectName(QStringLiteral("exportFailed"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
    dialog->open();
}

void ExportActions::askPrint()
{
    if (m_incidentId <= 0)
        return;
    Printing *printing = Printing::plugin();
    if (!printing) {
        QMessageBox::warning(m_window, tr("Print failed"), tr("Printing is not installed with this CommandPost."));
        return;
    }
    const Printing::Outcome outcome =
        printing->print(m_window, tr("Postmortem draft"), tr("Print the postmortem draft"),
                        [this](QPagedPaintDevice &printer) { return printTo(printer); });
    if (outcome == Printing::Outcome::Failed)
        QMessageBox::warning(m_window, tr("Print failed"), tr("The printer could not be painted on."));
}

PostmortemDialog *ExportActions::showPostmortem()
{
    if (m_incidentId <= 0)
        return nullptr;
    if (!m_dialog) {
        m_dialog = new PostmortemDialog(m_writer, m_clock, m_preferences, m_incidentId, this, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->open();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

void ExportActions::offerPostmortem()
{
    auto incident = m_store.incidents().incident(m_incidentId);
    if (!incident || !incident->isResolved())
        return;
    auto postmortem = m_store.incidents().postmortem(m_incidentId);
    if (postmortem && !postmortem->has_value())
        showPostmortem();
}

void ExportActions::retranslateUi()
{
    m_exportMenu->setTitle(tr("&Export"));
    for (auto it = m_exports.cbegin(); it != m_exports.cend(); ++it)
        it.value()->setText(tr("%1…").arg(IncidentExport::label(it.key())));
    m_print->setText(tr("&Print the postmortem draft…"));
    m_postmortem->setText(tr("&Postmortem…"));
    m_postmortem->setToolTip(tr("The postmortem's owner and due date, and the generated draft"));
}

} // namespace cp
