from django.urls import path

from triplewin.kpis.views import criteria, dashboard, definitions, kpi, sites, template

app_name = "kpis"
urlpatterns = [
    path("<id:pk>/kpis/", dashboard.dashboard, name="dashboard"),
    path("<id:pk>/kpis/new/", definitions.kpi_create, name="create"),
    path("<id:pk>/kpis/<id:kpi>/", kpi.kpi_detail, name="detail"),
    path("<id:pk>/kpis/<id:kpi>/edit/", definitions.kpi_edit, name="edit"),
    path("<id:pk>/kpis/<id:kpi>/record/", kpi.measurement_record, name="record"),
    path("<id:pk>/kpis/<id:kpi>/upload/", kpi.measurements_upload, name="upload"),
    path(
        "<id:pk>/kpis/<id:kpi>/template.<str:fmt>",
        template.template_download,
        name="template",
    ),
    path("<id:pk>/kpis/sites/", sites.sites, name="sites"),
    path("<id:pk>/kpis/sites/<id:site>/remove/", sites.site_remove, name="site-remove"),
    path("<id:pk>/kpis/criteria/", criteria.criteria, name="criteria"),
    path("<id:pk>/kpis/criteria/new/", criteria.criterion_create, name="criterion-create"),
    path("<id:pk>/kpis/criteria/<id:criterion>/", criteria.conditions, name="conditions"),
    path(
        "<id:pk>/kpis/criteria/<id:criterion>/conditions/<id:condition>/remove/",
        criteria.condition_remove,
        name="condition-remove",
    ),
]
