#include "incidentexport.h"
#include "exchange/exchangerepository.h"

#include "db/incidentstore.h"
#include "exchange/incidentjson.h"
#include "exchange/incidentreport.h"
#include "exchange/timelineexport.h"
#include "reportpainter.h"

#include "db/privatefile.h"
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>

#include <QBuffer>

namespace cp {

namespace {

StoreError written(QIODevice &out, qint64 result)
{
    if (result < 0)
        return {StoreError::Code::Io, IncidentExport::tr("Writing the export failed: %1").arg(out.errorString())};
    return {};
}

ReportPainter::Form formOf(IncidentExport::Format format)
{
    switch (format) {
    case IncidentExport::Format::Ics201:
        return ReportPainter::Form::Ics201;
    case IncidentExport::Format::Ics207:
        return ReportPainter::Form::Ics207;
    case IncidentExport::Format::Ics214:
        return ReportPainter::Form::Ics214;
    default:
        break;
    }
    return ReportPainter::Form::Report;
}

} // namespace

QList<IncidentExport::Format> IncidentExport::all()
{
    return {Format::Markdown, Format::PlainText, Format::Html,   Format::Pdf,    Format::Json,
            Format::Csv,      Format::CsvExcel,  Format::Ics201, Format::Ics207, Format::Ics214};
}

QString IncidentExport::key(Format format)
{
    switch (format) {
    case Format::Markdown:
        return QStringLiteral("md");
    case Format::PlainText:
        return QStringLiteral("txt");
    case Format::Html:
        return QStringLiteral("html");
    case Format::Pdf:
        return QStringLiteral("pdf");
    case Format::Json:
        return QStringLiteral("json");
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::CsvExcel:
        return QStringLiteral("csv-excel");
    case Format::Ics201:
        return QStringLiteral("ics201");
    case Format::Ics207:
        return QStringLiteral("ics207");
    case Format::Ics214:
        return QStringLiteral("ics214");
    }
    return QString();
}

std::optional<IncidentExport::Format> IncidentExport::fromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("markdown"))
        return Format::Markdown;
    if (k == QLatin1String("text") || k == QLatin1String("plain"))
        return Format::PlainText;
    for (Format f : all()) {
        if (IncidentExport::key(f) == k)
            return f;
    }
    return std::nullopt;
}

QString IncidentExport::label(Format format)
{
    switch (format) {
    case Format::Markdown:
        return tr("Postmortem draft (Markdown, GitHub-flavoured)");
    case Format::PlainText:
        return tr("Postmortem draft (plain text for chat)");
    case Format::Html:
        return tr("Postmortem draft (HTML)");
    case Format::Pdf:
        return tr("Postmortem draft (PDF)");
    case Format::Json:
        return tr("Whole incident (JSON, re-importable)");
    case Format::Csv:
        return tr("Timeline (CSV)");
    case Format::CsvExcel:
        return tr("Timeline (CSV for Excel)");
    case Format::Ics201:
        return tr("ICS 201 incident briefing (PDF)");
    case Format::Ics207:
        return tr("ICS 207 organisation chart (PDF)");
    case Format::Ics214:
        return tr("ICS 214 activity log (PDF)");
    }
    return QString();
}

QString IncidentExport::extension(Format format)
{
    if (isPdf(format))
        return QStringLiteral("pdf");
    if (format == Format::CsvExcel)
        return QStringLiteral("csv");
    return key(format);
}

bool IncidentExport::isPdf(Format format)
{
    return format == Format::Pdf || format == Format::Ics201 || format == Format::Ics207 || format == Format::Ics214;
}

StoreError IncidentExport::write(const IncidentStore &store, qint64 incidentId, Format format, QIODevice &out,
                                 const QDateTime &nowUtc, const QTimeZone &zone)
{
    if (format == Format::Csv || format == Format::CsvExcel)
        return TimelineExport::write(store, incidentId, TimelineExport::Format::Csv, out,
                                     format == Format::CsvExcel ? CsvWriter::Flavour::Excel
                                                                : CsvWriter::Flavour::Rfc4180);
    if (format == Format::Json) {
        auto document = ExchangeRepository::exportIncident(store, incidentId);
        if (!document)
            return document.error();
        return written(out, out.write(IncidentJson::write(*document)));
    }
    auto report = IncidentReport::build(store, incidentId, nowUtc, zone);
    if (!report)
        return report.error();
    if (format == Format::Markdown)
        return written(out, out.write(ReportRenderer::markdown(report->fullReport()).toUtf8()));
    if (format == Format::PlainText)
        return written(out, out.write(ReportRenderer::plainText(report->fullReport()).toUtf8()));
    if (format == Format::Html)
        return written(out, out.write(ReportRenderer::html(report->fullReport()).toUtf8()));

    QPdfWriter pdf(&out);
    pdf.setResolution(300);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    pdf.setTitle(QStringLiteral("%1 — %2").arg(ReportPainter::formTitle(formOf(format)), report->incident.title));
    pdf.setCreator(QStringLiteral("CommandPost"));
    PagedDeviceTarget target(pdf);
    if (ReportPainter::paint(formOf(format), *report, target) == 0)
        return {StoreError::Code::Io,
                tr("Could not paint the PDF (is a display or the offscreen platform available?)")};
    return {};
}

StoreError IncidentExport::writeFile(const IncidentStore &store, qint64 incidentId, Format format, const QString &path,
                                     const QDateTime &nowUtc, const QTimeZone &zone)
{
    // Refused before the work of rendering: no writing through a link.
    if (StoreError refused = PrivateFile::refuseLink(path); !refused.ok())
        return refused;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (StoreError error = write(store, incidentId, format, buffer, nowUtc, zone); !error.ok())
        return error;
    buffer.close();
    return PrivateFile::writeAtomically(path, bytes);
}

} // namespace cp
