#include "rosterdock.h"

#include "widgets/squeezescroll.h"

#include "db/incidentstore.h"
#include "dialogs/persondialog.h"
#include "exchange/importfile.h"
#include "exchange/rostercsv.h"
#include "models/assignmentmodel.h"
#include "models/peoplemodel.h"
#include "session/incidentsession.h"
#include "session/storewriter.h"
#include "widgets/accessiblename.h"
#include "widgets/kindstyle.h"

#include <QAction>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace cp {

RosterDock::RosterDock(const StoreWriter &writer, QWidget *parent)
    : DeferredDock(QStringLiteral("rosterDock"), parent), m_writer(writer), m_store(writer.store()),
      m_importAction(new QAction(this)), m_addPersonAction(new QAction(this)), m_editPersonAction(new QAction(this)),
      m_focusAction(new QAction(this))
{
    m_importAction->setObjectName(QStringLiteral("importRosterAction"));
    connect(m_importAction, &QAction::triggered, this, &RosterDock::askImport);
    m_addPersonAction->setObjectName(QStringLiteral("addPersonAction"));
    connect(m_addPersonAction, &QAction::triggered, this, &RosterDock::addPerson);
    m_editPersonAction->setObjectName(QStringLiteral("editPersonAction"));
    connect(m_editPersonAction, &QAction::triggered, this, &RosterDock::editCurrentPerson);
    m_focusAction->setObjectName(QStringLiteral("focusRosterAction"));
    m_focusAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_focusAction, &QAction::triggered, this, [this] {
        reveal();
        m_tabs->setCurrentIndex(0);
        m_filter->setFocus();
        m_filter->selectAll();
    });
    retranslateUi();
}

QWidget *RosterDock::buildContent()
{
    m_people = new PeopleModel(m_store, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_history = new AssignmentModel(m_store, this);
    m_tabs = new QTabWidget(this);
    m_filter = new QLineEdit(this);
    m_peopleView = new QTableView(this);
    m_departments = new QTableWidget(this);
    m_historyView = new QTableView(this);
    m_message = new QLabel(this);
    m_tabs->setObjectName(QStringLiteral("rosterTabs"));

    m_proxy->setSourceModel(m_people);
    m_proxy->setFilterRole(PeopleModel::SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setObjectName(QStringLiteral("rosterFilter"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_peopleView->setObjectName(QStringLiteral("rosterView"));
    m_peopleView->setModel(m_proxy);
    m_peopleView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_peopleView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_peopleView->setDragEnabled(true);
    m_peopleView->setDragDropMode(QAbstractItemView::DragOnly);
    m_peopleView->setDefaultDropAction(Qt::LinkAction);
    m_peopleView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_peopleView->verticalHeader()->hide();
    m_peopleView->horizontalHeader()->setStretchLastSection(true);
    m_peopleView->setWordWrap(false);
    m_peopleView->setAlternatingRowColors(true);
    connect(m_people, &QAbstractItemModel::modelReset, m_peopleView, &QTableView::resizeColumnsToContents);
    connect(m_people, &QAbstractItemModel::rowsInserted, m_peopleView, &QTableView::resizeColumnsToContents);
    connect(m_peopleView, &QTableView::doubleClicked, this, &RosterDock::editCurrentPerson);

    m_departments->setObjectName(QStringLiteral("departmentsView"));
    // Tab leaves the table for the next control; the arrow keys move between cells.
    for (QAbstractItemView *view :
         {static_cast<QAbstractItemView *>(m_peopleView), static_cast<QAbstractItemView *>(m_departments),
          static_cast<QAbstractItemView *>(m_historyView)})
        view->setTabKeyNavigation(false);
    m_departments->setColumnCount(4);
    m_departments->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_departments->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_departments->verticalHeader()->hide();
    m_departments->horizontalHeader()->setStretchLastSection(true);
    m_departments->setWordWrap(true);

    m_historyView->setObjectName(QStringLiteral("assignmentHistoryView"));
    m_historyView->setModel(m_history);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_history, &QAbstractItemModel::rowsInserted, m_historyView, &QTableView::scrollToBottom);

    m_message->setObjectName(QStringLiteral("rosterMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    auto *peoplePage = new QWidget(this);
    auto *peopleLayout = new QVBoxLayout(peoplePage);
    peopleLayout->setContentsMargins(2, 4, 2, 2);
    auto *row = new QHBoxLayout;
    row->addWidget(m_filter, 1);
    for (QAction *action : {m_addPersonAction, m_editPersonAction, m_importAction}) {
        auto *button = new QToolButton(peoplePage);
        button->setDefaultAction(action);
        row->addWidget(button);
    }
    peopleLayout->addLayout(row);
    peopleLayout->addWidget(m_peopleView, 1);
    m_tabs->addTab(peoplePage, QString());
    m_tabs->addTab(m_departments, QString());
    m_tabs->addTab(m_historyView, QString());

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    QWidget *frame = scrollWhenSqueezed(content, this);

    connect(&m_store.roster(), &RosterRepository::departmentChanged, this, &RosterDock::reloadDepartments);
    retranslateUi();
    reloadDepartments();
    m_peopleView->resizeColumnsToContents();
    return frame;
}

void RosterDock::retranslateUi()
{
    setWindowTitle(tr("Roster"));
    m_importAction->setText(tr("&Import roster CSV…"));
    m_importAction->setToolTip(tr("Import people or departments from a CSV file"));
    m_addPersonAction->setText(tr("&Add person…"));
    m_editPersonAction->setText(tr("&Edit person…"));
    m_focusAction->setText(tr("Go to &roster"));
    if (!isBuilt())
        return;
    setAccessibleLabel(m_tabs, tr("Roster"));
    setAccessibleLabel(m_filter, tr("Filter people"));
    setAccessibleLabel(m_peopleView, tr("People"));
    setAccessibleLabel(m_departments, tr("Departments"));
    setAccessibleLabel(m_historyView, tr("Assignment history"));
    m_tabs->setTabText(0, tr("People"));
    m_tabs->setTabText(1, tr("Departments"));
    m_tabs->setTabText(2, tr("Assignment history"));
    m_filter->setPlaceholderText(tr("Type to filter: name, handle, team, department, role…"));
    m_peopleView->setToolTip(tr("Drag a person onto a role card to assign them"));
    m_departments->setHorizontalHeaderLabels(
        {tr("Department"), tr("Primary contact"), tr("On-call rotation"), tr("Escalation path")});
}

void RosterDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    DeferredDock::changeEvent(event);
}

void RosterDock::showSession(IncidentSession *session)
{
    const qint64 incidentId = session ? session->incidentId() : 0;
    m_history->setIncident(incidentId);
    m_historyView->resizeColumnsToContents();
}

void RosterDock::reloadDepartments()
{
    auto departments = m_store.roster().departments();
    if (!departments)
        return;
    m_departments->setRowCount(static_cast<int>(departments->size()));
    for (int row = 0; row < departments->size(); ++row) {
        const Department &d = departments->at(row);
        const QStringList cells{d.name, d.primaryContact, d.onCallRotation, d.escalationPath};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_departments->setItem(row, column, item);
        }
    }
    m_departments->resizeColumnsToContents();
    m_departments->resizeRowsToContents();
}

void RosterDock::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(
        QStringLiteral("color: %1;").arg((error ? KindStyle::errorColor() : KindStyle::savedColor()).name()));
    m_message->show();
}

QString RosterDock::lastMessage() const
{
    ensureBuilt();
    return m_message->isVisible() ? m_message->text() : QString();
}

void RosterDock::addPerson()
{
    ensureBuilt();
    auto *dialog = new PersonDialog(m_writer, Person{}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_people->reload();
        const int row = m_people->rowOfPerson(dialog->savedPersonId());
        if (row >= 0)
            m_peopleView->setCurrentIndex(m_proxy->mapFromSource(m_people->index(row, 0)));
    });
    dialog->open();
}

void RosterDock::editCurrentPerson()
{
    ensureBuilt();
    const QModelIndex current = m_proxy->mapToSource(m_peopleView->currentIndex());
    if (!current.isValid())
        return;
    auto *dialog = new PersonDialog(m_writer, m_people->personAt(current.row()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, m_people, &PeopleModel::reload);
    dialog->open();
}

void RosterDock::askImport()
{
    auto *dialog = new QFileDialog(this, tr("Import roster CSV"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilter(tr("CSV files (*.csv);;All files (*)"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { importFile(path); });
    dialog->open();
}

bool RosterDock::importFile(const QString &path, QString *error)
{
    ensureBuilt();
    auto fail = [&](const QString &message) {
        const QString text = tr("Nothing imported from %1: %2").arg(QFileInfo(path).fileName(), message);
        showMessage(text, true);
        if (error)
            *error = text;
        return false;
    };
    const Result<QByteArray> loaded = ImportFile::read(path);
    if (!loaded)
        return fail(loaded.error().message());
    const QByteArray &bytes = *loaded;
    QList<Person> people;
    QList<Department> departments;
    QString message;
    const bool read = RosterCsv::detect(bytes) == RosterCsv::Kind::Departments
                          ? RosterCsv::readDepartments(bytes, &departments, &message)
                          : RosterCsv::readPeople(bytes, &people, &message);
    if (!read)
        return fail(message);
    auto changed = m_writer.write([&] { return m_store.roster().importRoster(departments, people); });
    if (!changed)
        return fail(changed.error().message());
    m_people->reload();
    reloadDepartments();
    showMessage(
        departments.isEmpty()
            ? tr("Imported %n people from %1", nullptr, static_cast<int>(people.size())).arg(QFileInfo(path).fileName())
            : tr("Imported %n departments from %1", nullptr, static_cast<int>(departments.size()))
                  .arg(QFileInfo(path).fileName()),
        false);
    m_peopleView->resizeColumnsToContents();
    return true;
}

} // namespace cp
