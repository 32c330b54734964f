#include "incidentswitcherdialog.h"

#include "models/incidentlistmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace cp {

namespace {

// Every word typed must occur somewhere in the incident's search text, in any order.
class WordFilterProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setWords(const QString &text)
    {
        m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QString haystack =
            sourceModel()->index(sourceRow, 0, sourceParent).data(IncidentListModel::SearchTextRole).toString();
        for (const QString &word : m_words) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
        return true;
    }

private:
    QStringList m_words;
};

} // namespace

IncidentSwitcherDialog::IncidentSwitcherDialog(IncidentListModel &model, QWidget *parent)
    : QDialog(parent), m_proxy(new WordFilterProxy(this)), m_filter(new QLineEdit(this)), m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("incidentSwitcherDialog"));
    setWindowTitle(tr("Switch incident"));
    m_proxy->setSourceModel(&model);
    m_filter->setObjectName(QStringLiteral("switcherFilter"));
    m_filter->setPlaceholderText(tr("Type to filter: number, SEV-1, status, words of the title"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_view->setObjectName(QStringLiteral("switcherList"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(IncidentListModel::TitleColumn, QHeaderView::Stretch);
    m_view->setFocusProxy(m_filter);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    resize(720, 380);

    connect(buttons, &QDialogButtonBox::accepted, this, &IncidentSwitcherDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &IncidentSwitcherDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &IncidentSwitcherDialog::setFilterText);
    connect(m_filter, &QLineEdit::returnPressed, this, &IncidentSwitcherDialog::accept);
    connect(m_view, &QTreeView::activated, this, &IncidentSwitcherDialog::accept);
    selectFirst();
}

void IncidentSwitcherDialog::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    static_cast<WordFilterProxy *>(m_proxy)->setWords(text);
    selectFirst();
}

int IncidentSwitcherDialog::visibleCount() const
{
    return m_proxy->rowCount();
}

qint64 IncidentSwitcherDialog::selectedIncidentId() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return 0;
    return current.siblingAtColumn(0).data(IncidentListModel::IncidentIdRole).toLongLong();
}

void IncidentSwitcherDialog::selectFirst()
{
    if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
    else
        m_view->setCurrentIndex({});
}

void IncidentSwitcherDialog::accept()
{
    const qint64 id = selectedIncidentId();
    if (id <= 0)
        return;
    emit incidentChosen(id);
    QDialog::accept();
}

bool IncidentSwitcherDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            // The list moves while the typing stays in the filter.
            QCoreApplication::sendEvent(m_view, event);
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace cp
